import type { Page } from "@playwright/test";

/**
 * Opens a raw Socket.IO connection from the page (the browser sends its cookies
 * and Origin as it would for the app) and reports "connected" or the server's
 * CONNECT_ERROR packet.
 */
export function probeSocket(page: Page, baseURL: string): Promise<string> {
  return page.evaluate(async (origin) => {
    return new Promise<string>((resolve) => {
      const ws = new WebSocket(`${origin.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
      ws.onmessage = (event) => {
        const data = String(event.data);
        if (data.startsWith("0")) ws.send("40"); // Engine.IO open → Socket.IO CONNECT to "/"
        else if (data.startsWith("44")) resolve(data); // CONNECT_ERROR with the reason
        else if (data.startsWith("40")) resolve("connected");
      };
      ws.onerror = () => resolve("error");
      setTimeout(() => resolve("timeout"), 5000);
    });
  }, baseURL);
}
