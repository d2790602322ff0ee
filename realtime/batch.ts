// Many connections opening at once would each run the same few queries. A batcher collects the
// lookups that arrive within one turn of the event loop and answers them with one query.
export function batched<K, V>(load: (keys: K[]) => Promise<V[]>, maxBatch = 500): (key: K) => Promise<V> {
  let waiting: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      load(batch.map((item) => item.key)).then(
        (values) => {
          batch.forEach((item, i) => {
            item.resolve(values[i] as V);
          });
        },
        (error) => {
          for (const item of batch) item.reject(error);
        },
      );
    }
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
