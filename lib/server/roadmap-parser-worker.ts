/**
 * The parser thread's worker (see roadmap-parser-thread.ts): parses each text it is sent and posts
 * the result back. It says "ready" once its modules are loaded.
 */
import { parentPort } from "node:worker_threads";
import { parseRoadmap } from "../roadmap/parse";

const port = parentPort;
if (!port) throw new Error("roadmap-parser-worker runs as a worker thread");
port.on("message", (text: string) => port.postMessage(parseRoadmap(text)));
port.postMessage("ready");
