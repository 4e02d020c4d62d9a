/**
 * A parser worker for outline-parser-thread.test.ts that misbehaves on request: the text "hang"
 * never gets an answer, "crash" ends the worker, anything else is parsed like the real worker.
 */
import { parentPort } from "node:worker_threads";
import { parseOutline } from "../../outline/parse";

const port = parentPort;
if (!port) throw new Error("misbehaving-parser-worker runs as a worker thread");
port.on("message", ({ text }: { text: string }) => {
  if (text === "hang") for (;;);
  if (text === "crash") process.exit(3);
  port.postMessage(parseOutline(text));
});
port.postMessage("ready");
