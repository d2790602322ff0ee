import type { MetadataRoute } from "next";

// Lets Tafel be added to a phone's home screen. Browsers fetch the manifest without the language
// cookie, so it carries the product name (the same in every language) and Dutch, the default.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tafel",
    short_name: "Tafel",
    description: "Samen beleid maken, met een neutrale voorzitter en een echt mandaat.",
    lang: "nl",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#1d4f91",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
