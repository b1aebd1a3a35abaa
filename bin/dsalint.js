#!/usr/bin/env node

// src/boot/code-cache.ts
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync as statSync2, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";
import vm from "node:vm";

// src/core/make-folder.ts
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
function makeFolder(folder, mode) {
  const missing = [];
  for (let path = resolve(folder); !exists(path); path = dirname(path)) {
    missing.push(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path, mode === void 0 ? void 0 : { mode });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}

// src/boot/code-cache.ts
function codeCacheFolder(env, platform, home) {
  const chosen = env["DSALINT_CODE_CACHE"];
  if (chosen === "off") return void 0;
  if (chosen) return chosen;
  if (platform === "win32") return env["LOCALAPPDATA"] ? join(env["LOCALAPPDATA"], "dsalint", "Cache") : void 0;
  const xdg = env["XDG_CACHE_HOME"];
  if (xdg && isAbsolute(xdg)) return join(xdg, "dsalint");
  if (!isAbsolute(home)) return void 0;
  return platform === "darwin" ? join(home, "Library", "Caches", "dsalint") : join(home, ".cache", "dsalint");
}
var MAGIC = Buffer.from("dsalint-v8-code-cache\n");
var DIGEST_BYTES = 32;
var sha256 = (data) => createHash("sha256").update(data).digest();
function readCodeCache(file) {
  let bytes;
  try {
    const fd = openSync(file, "r");
    try {
      if (process.getuid && fstatSync(fd).uid !== process.getuid()) return void 0;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return void 0;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return void 0;
  const data = bytes.subarray(start);
  return sha256(data).equals(bytes.subarray(MAGIC.length, start)) ? data : void 0;
}
function codeCacheName(program, path, execArgv = process.execArgv) {
  const key = createHash("sha256").update(program).update(`\0${path}\0${process.version}\0${process.arch}\0${execArgv.join(" ")}`).digest("hex");
  return `${key.slice(0, 32)}${CACHE_SUFFIX}`;
}
var CACHE_SUFFIX = ".v8";
var CACHES_KEPT = 4;
function writeCodeCache(file, folder, data) {
  const partial = `${file}.${process.pid}.partial`;
  try {
    makeFolder(folder, 448);
    writeFileSync(partial, Buffer.concat([MAGIC, sha256(data), data]), { mode: 384 });
    renameSync(partial, file);
    const caches = readdirSync(folder).filter((name) => name.endsWith(CACHE_SUFFIX)).map((name) => ({ path: join(folder, name), written: statSync2(join(folder, name)).mtimeMs })).sort((a, b) => b.written - a.written);
    for (const old of caches.slice(CACHES_KEPT)) if (old.path !== file) rmSync(old.path, { force: true });
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
    }
  }
}
function homeFolder() {
  try {
    return homedir();
  } catch {
    return "";
  }
}
function loadProgram(url) {
  const path = fileURLToPath(new URL("./dsalint-program.cjs", url));
  const bytes = readFileSync(path);
  const source = bytes.toString("utf8");
  const folder = codeCacheFolder(process.env, process.platform, homeFolder());
  const file = folder && join(folder, codeCacheName(bytes, path));
  const cached = file ? readCodeCache(file) : void 0;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __dsalintUrl, __dsalintImport) {${source}
})`, {
    filename: path,
    ...cached ? { cachedData: cached } : {}
  });
  if (file && folder && isMainThread && (!cached || script.cachedDataRejected)) {
    process.once("exit", () => writeCodeCache(file, folder, script.createCachedData()));
  }
  const module = { exports: {} };
  const importLibrary = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(path), module, path, fileURLToPath(new URL(".", url)), url, importLibrary);
  return module.exports;
}

// src/boot/bin.ts
var { FORMATS, lint, report } = loadProgram(import.meta.url);
export {
  FORMATS,
  lint,
  report
};
