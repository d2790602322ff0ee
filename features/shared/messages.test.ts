import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales.ts";
import { ACTIVITY_ACTIONS, activityMessageKey } from "../tables/activity.ts";
import { ERROR_CODES } from "./app-error.ts";

// Every file in messages/ is held to English: the same keys, and in every message the same
// placeholders, tags and select cases, in valid ICU syntax. A new language is a new file here.
const dir = path.resolve(import.meta.dirname, "../../messages");
type Tree = { [key: string]: string | Tree };
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ locale: name.replace(/\.json$/, ""), tree: JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Tree }));
const english = files.find((file) => file.locale === "en")?.tree ?? {};

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [inner, text] of flatten(value, full)) out.set(inner, text);
  }
  return out;
}

/**
 * What a message asks of the code that formats it: its arguments (with their type), its rich-text
 * tags, and the cases of each select. Plural cases follow the language's own plural rules: a
 * translation keeps the exact cases (=0) and `other`, has each of English's categories its language
 * knows (`one`), and may add the categories only its language has (Polish `few`).
 */
function shape(message: string, locale: string) {
  const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  const args = new Set<string>();
  const tags = new Set<string>();
  const selects = new Map<string, string>();
  const plurals = new Map<string, { exact: string; categories: Set<string> }>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) args.add(`${element.value}`);
      else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        args.add(`${element.value}:${TYPE[element.type]}`);
      } else if (element.type === TYPE.tag) {
        tags.add(element.value);
        walk(element.children);
      } else if (element.type === TYPE.select) {
        selects.set(element.value, Object.keys(element.options).sort().join("|"));
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.plural) {
        const keys = Object.keys(element.options);
        plurals.set(element.value, {
          exact: keys
            .filter((key) => key.startsWith("=") || key === "other")
            .sort()
            .join("|"),
          categories: new Set(keys.filter((key) => !key.startsWith("=") && key !== "other")),
        });
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return {
    args: [...args].sort(),
    tags: [...tags].sort(),
    selects: Object.fromEntries([...selects].sort(([a], [b]) => a.localeCompare(b))),
    plurals,
    categories,
  };
}

describe("translations", () => {
  it("are there for every language Tafel offers, and every file is offered", () => {
    expect(files.map((file) => file.locale).sort()).toEqual([...LOCALES].sort());
  });

  for (const { locale, tree } of files) {
    const messages = flatten(tree);

    it(`have a message for every error code and every action of the activity log (${locale})`, () => {
      for (const code of ERROR_CODES) expect(messages.get(`errors.${code}`), `${locale} errors.${code}`).toBeTruthy();
      for (const action of ACTIVITY_ACTIONS) {
        expect(messages.get(`activity.actions.${activityMessageKey(action)}`), `${locale} ${action}`).toBeTruthy();
      }
    });

    if (locale === "en") continue;

    it(`offer the same texts as English (${locale})`, () => {
      expect([...messages.keys()].sort()).toEqual([...flatten(english).keys()].sort());
    });

    it(`keep every placeholder, tag and case of the English, in valid ICU syntax (${locale})`, () => {
      const problems: string[] = [];
      for (const [key, source] of flatten(english)) {
        const text = messages.get(key);
        if (text === undefined) continue;
        if (!text.trim()) {
          problems.push(`${key}: empty`);
          continue;
        }
        let ours: ReturnType<typeof shape>;
        try {
          ours = shape(text, locale);
        } catch (error) {
          problems.push(`${key}: not valid ICU (${(error as Error).message})`);
          continue;
        }
        const theirs = shape(source, "en");
        if (ours.args.join() !== theirs.args.join()) problems.push(`${key}: placeholders ${ours.args} instead of ${theirs.args}`);
        if (ours.tags.join() !== theirs.tags.join()) problems.push(`${key}: tags ${ours.tags} instead of ${theirs.tags}`);
        if (JSON.stringify(ours.selects) !== JSON.stringify(theirs.selects)) {
          problems.push(`${key}: select cases ${JSON.stringify(ours.selects)} instead of ${JSON.stringify(theirs.selects)}`);
        }
        for (const [name, plural] of theirs.plurals) {
          const translated = ours.plurals.get(name);
          if (!translated || translated.exact !== plural.exact) {
            problems.push(`${key}: plural ${name} needs the cases ${plural.exact}`);
            continue;
          }
          for (const category of plural.categories) {
            if (ours.categories.has(category) && !translated.categories.has(category))
              problems.push(`${key}: plural ${name} lacks ${category}`);
          }
          for (const category of translated.categories) {
            if (!ours.categories.has(category)) problems.push(`${key}: plural ${name} has ${category}, which ${locale} does not use`);
          }
        }
        for (const name of ours.plurals.keys()) if (!theirs.plurals.has(name)) problems.push(`${key}: plural ${name} not in English`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("plain Dutch", () => {
  const dutch = flatten(files.find((file) => file.locale === "nl")?.tree ?? {});
  it("speaks to people as 'je' everywhere, never as 'u' (one voice, as plain-language guidelines ask)", () => {
    const formal = [...dutch].filter(([, text]) => /\b([Uu]|[Uu]w)\b/.test(text)).map(([key]) => key);
    expect(formal).toEqual([]);
  });
  it("calls the facilitator 'procesbegeleider', the name the role has in Dutch", () => {
    const english = [...dutch].filter(([, text]) => /\bfacilitator\b/i.test(text)).map(([key]) => key);
    expect(english).toEqual([]);
  });
});
