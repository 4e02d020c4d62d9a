/**
 * The parser thread's worker (see outline-parser-thread.ts): parses each text it is sent, in the format it is told, and posts
 * the result back. It says "ready" once its modules are loaded.
 */
import { parentPort } from "node:worker_threads";
import { parseMarkdownOutline } from "../outline/markdown";
import { parseOutline } from "../outline/parse";
import type { ParseRequest } from "./outline-parser-thread";

const port = parentPort;
if (!port) throw new Error("outline-parser-worker runs as a worker thread");
port.on("message", ({ text, format }: ParseRequest) => port.postMessage(format === "markdown" ? parseMarkdownOutline(text) : parseOutline(text)));
port.postMessage("ready");
