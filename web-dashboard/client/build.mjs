// Builds the app into the dashboard library's App/wwwroot: the type check, the dictionary check, one hashed JS and
// one hashed CSS bundle, and index.html naming them. Assets are content-hashed so they can be cached for a year;
// index.html is served no-cache.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
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

// 3. The bundle.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
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
});
const outputs = Object.keys(result.metafile.outputs).map((p) => relative(out, p).split("\\").join("/"));
const js = outputs.find((p) => p.endsWith(".js"));
const css = outputs.find((p) => p.endsWith(".css"));
if (!js || !css) throw new Error(`The bundle lacks its script or stylesheet: ${outputs.join(", ")}`);
const html = readFileSync(join(here, "index.html"), "utf8").replace("{{js}}", js).replace("{{css}}", css);
writeFileSync(join(out, "index.html"), html);
writeFileSync(join(out, "build-stamp.txt"), `${js}\n${css}\n`);
const size = (p) => result.metafile.outputs[join(relative(process.cwd(), out), p)]?.bytes ?? 0;
console.log(`dashboard: ${js} (${Math.round(size(js) / 1024)} KiB), ${css}`);

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

