// Draws the demo images of content/media (no downloads, no third-party photos): simple SVG scenes rasterised
// with sharp. Run once with `npx tsx scripts/demo-media.ts`; the output is committed.
import sharp from "sharp";

const scenes: Record<string, string> = {
  // A quay with a cycle lane, trees and two cyclists.
  "plan-velo.jpg": `
    <rect width="1600" height="900" fill="#cfe6f3"/>
    <rect y="520" width="1600" height="380" fill="#6d8f5e"/>
    <path d="M0 640 L1600 560 L1600 700 L0 820 Z" fill="#8a8f96"/>
    <path d="M0 700 L1600 610 L1600 650 L0 760 Z" fill="#2f7d4f"/>
    <path d="M0 730 L1600 630" stroke="#fff" stroke-width="6" stroke-dasharray="40 30"/>
    ${[150, 450, 750, 1050, 1350].map((x) => `<rect x="${x - 10}" y="380" width="20" height="180" fill="#6b4a2b"/><circle cx="${x}" cy="360" r="90" fill="#3e7b3a"/>`).join("")}
    ${[900, 1180].map((x) => `<g transform="translate(${x} 560)"><circle cx="0" cy="60" r="34" fill="none" stroke="#161616" stroke-width="8"/><circle cx="110" cy="60" r="34" fill="none" stroke="#161616" stroke-width="8"/><path d="M0 60 L45 0 L110 60 M45 0 L85 0" stroke="#161616" stroke-width="8" fill="none"/><circle cx="60" cy="-70" r="20" fill="#8c3a14"/><path d="M60 -50 L50 0" stroke="#8c3a14" stroke-width="18"/></g>`).join("")}`,
  // Market stalls under plane trees.
  "place-du-marche.jpg": `
    <rect width="1600" height="900" fill="#f4e3c3"/>
    <rect y="600" width="1600" height="300" fill="#c9b48f"/>
    ${[100, 500, 900, 1300].map((x) => `<rect x="${x + 60}" y="250" width="24" height="360" fill="#7a5a3a"/><ellipse cx="${x + 72}" cy="230" rx="170" ry="120" fill="#4f7f3f"/>`).join("")}
    ${[
      ["#1d5a85", 180],
      ["#8c3a14", 620],
      ["#f2c14e", 1060],
    ].map(([c, x]) => `<path d="M${x} 470 L${Number(x) + 300} 470 L${Number(x) + 270} 420 L${Number(x) + 30} 420 Z" fill="${c}"/><rect x="${Number(x) + 20}" y="470" width="260" height="140" fill="#fff7e6"/><rect x="${Number(x) + 40}" y="540" width="220" height="30" fill="#d9822b"/>`).join("")}`,
  // People around a map of the commune.
  "atelier-velo.jpg": `
    <rect width="1600" height="900" fill="#e9eef2"/>
    <rect x="300" y="300" width="1000" height="460" rx="12" fill="#fff" stroke="#767676" stroke-width="4"/>
    <path d="M340 700 C600 560 800 640 1260 380" stroke="#1d5a85" stroke-width="14" fill="none"/>
    <path d="M420 360 L560 720 M900 330 L1000 740" stroke="#8a8f96" stroke-width="10"/>
    ${[[230, 250, "#8c3a14"], [1380, 280, "#1d5a85"], [800, 170, "#3e7b3a"], [520, 850, "#f2c14e"], [1120, 850, "#6d4c8f"]]
      .map(([x, y, c]) => `<circle cx="${x}" cy="${y}" r="70" fill="${c}"/>`)
      .join("")}`,
};

for (const [file, body] of Object.entries(scenes)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${body}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toFile(new URL(`../content/media/${file}`, import.meta.url).pathname);
  console.log(`content/media/${file}`);
}
