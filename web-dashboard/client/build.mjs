// Builds the app into the dashboard library's App/wwwroot: the type check, the dictionary check, one hashed JS and
// one hashed CSS bundle, index.html naming them, and the Web Chat bundle copied from its npm package. Assets are
// content-hashed so they can be cached for a year; index.html is served no-cache.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// The package declares "MIT" but ships no licence file; this is the MIT licence's text.
const mitText = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

const out = join(here, "..", "Pulse.WebDashboard", "App", "wwwroot");

const [major] = process.versions.node.split(".").map(Number);
if (major < 18) {
  console.error(`Node.js 18 or newer is needed to build the dashboard (found ${process.versions.node}).`);
  process.exit(1);
}

// 1. Strict types over the whole app.
try {
  execFileSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", here], { stdio: "inherit" });
} catch {
  console.error("The dashboard app does not type-check (errors above).");
  process.exit(1);
}

// 2. Every zh-CN dictionary has an en twin with exactly the same keys (shell, pages, a page's own folder).
await checkDictionaries(join(here, "src"));

// 3. The bundle, after the Web Chat file it loads on demand.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const webChat = copyWebChat();
const result = await build({
  entryPoints: { app: join(here, "src", "main.ts") },
  bundle: true,
  format: "esm",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  minify: true,
  sourcemap: "linked",
  entryNames: "assets/[name]-[hash]",
  outdir: out,
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
  define: { WEBCHAT_SCRIPT: JSON.stringify(webChat) },
});
const outputs = Object.keys(result.metafile.outputs).map((p) => relative(out, p).split("\\").join("/"));
const js = outputs.find((p) => p.endsWith(".js"));
const css = outputs.find((p) => p.endsWith(".css"));
if (!js || !css) throw new Error(`The bundle lacks its script or stylesheet: ${outputs.join(", ")}`);
const html = readFileSync(join(here, "index.html"), "utf8").replace("{{js}}", js).replace("{{css}}", css);
writeFileSync(join(out, "index.html"), html);
writeFileSync(join(out, "build-stamp.txt"), `${js}\n${css}\n`);
const size = (p) => result.metafile.outputs[join(relative(process.cwd(), out), p)]?.bytes ?? 0;
console.log(`dashboard: ${js} (${Math.round(size(js) / 1024)} KiB), ${css}, ${webChat}`);

// The official Web Chat UMD bundle (it sets window.WebChat) as the npm package ships it, not imported as a module:
// copied under lib/webchat/ with its content hash in the name, so it is cached like the other assets, with its
// licence notices beside it. Returns its address.
function copyWebChat() {
  const dist = join(here, "node_modules", "botframework-webchat", "dist");
  const { version, license } = JSON.parse(readFileSync(join(here, "node_modules", "botframework-webchat", "package.json"), "utf8"));
  const script = readFileSync(join(dist, "webchat.js"));
  const name = `webchat-${createHash("sha256").update(script).digest("hex").slice(0, 12)}.js`;
  const folder = join(out, "lib", "webchat");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), script);
  // The bundle's first line points at this file by its original name.
  copyFileSync(join(dist, "webchat.js.LICENSE.txt"), join(folder, "webchat.js.LICENSE.txt"));
  writeFileSync(join(folder, "LICENSE.txt"), `botframework-webchat ${version} (${license}), Copyright (c) Microsoft Corporation.\n\n${mitText}`);
  return `/lib/webchat/${name}`;
}

async function checkDictionaries(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/(^|[.-])zh-CN\.ts$/.test(entry.name)) files.push(path);
    }
  };
  walk(root);
  const problems = [];
  for (const zhFile of files) {
    const enFile = zhFile.replace(/zh-CN\.ts$/, "en.ts");
    const zh = await keysOf(zhFile);
    let en;
    try {
      en = await keysOf(enFile);
    } catch {
      problems.push(`${relative(here, zhFile)} has no English twin ${relative(here, enFile)}`);
      continue;
    }
    for (const key of zh) if (!en.has(key)) problems.push(`${relative(here, enFile)} lacks "${key}"`);
    for (const key of en) if (!zh.has(key)) problems.push(`${relative(here, zhFile)} lacks "${key}"`);
  }
  if (problems.length > 0) {
    console.error("The dictionaries differ:\n  " + problems.join("\n  "));
    process.exit(1);
  }
}

// The keys of every object a dictionary module exports, read by bundling the module and importing it.
async function keysOf(file) {
  const bundled = await build({ entryPoints: [file], bundle: true, format: "esm", write: false, platform: "neutral", logLevel: "silent" });
  const url = "data:text/javascript;base64," + Buffer.from(bundled.outputFiles[0].text).toString("base64");
  const module = await import(url);
  const keys = new Set();
  for (const value of Object.values(module)) if (value && typeof value === "object") for (const key of Object.keys(value)) keys.add(key);
  return keys;
}


