/**
 * The parser thread's worker (see roadmap-parser-thread.ts): parses each text it is sent, in the format it is told, and posts
 * the result back. It says "ready" once its modules are loaded.
 */
import { parentPort } from "node:worker_threads";
import { parseMarkdownRoadmap } from "../roadmap/markdown";
import { parseRoadmap } from "../roadmap/parse";
import type { ParseRequest } from "./roadmap-parser-thread";

const port = parentPort;
if (!port) throw new Error("roadmap-parser-worker runs as a worker thread");
port.on("message", ({ text, format }: ParseRequest) => port.postMessage(format === "markdown" ? parseMarkdownRoadmap(text) : parseRoadmap(text)));
port.postMessage("ready");
