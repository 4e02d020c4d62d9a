import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export interface TrackNode {
  title: string;
  stableKey: string;
}

/**
 * An organization's API as a signed-in person calls it (their page's request context
 * shares the browser's cookies), for setting up what a test needs the way the UI would.
 * Writes carry the Origin a browser sends; every call checks its status.
 */
export class OrgApi {
  readonly base: string;
  private readonly request: APIRequestContext;

  constructor(
    page: Page,
    private readonly baseURL: string,
    slug: string,
  ) {
    this.request = page.request;
    this.base = `${baseURL}/api/v1/o/${slug}`;
  }

  /** A track from the library or from text, as a draft. */
  async importTrack(body: { library: string } | { text: string; title?: string }): Promise<{ id: string; title: string }> {
    const response = await this.request.post(`${this.base}/tracks`, { data: body, headers: this.writeHeaders() });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; title: string };
  }

  async publish(trackId: string, version = 1): Promise<void> {
    const response = await this.request.post(`${this.base}/tracks/${trackId}/versions/${version}/publish`, { headers: this.writeHeaders() });
    expect(response.status(), await response.text()).toBe(200);
  }

  /** A track imported and published in one go. */
  async publishedTrack(body: { library: string } | { text: string; title?: string }): Promise<{ id: string; title: string }> {
    const track = await this.importTrack(body);
    await this.publish(track.id);
    return track;
  }

  async nodes(trackId: string, version = 1): Promise<TrackNode[]> {
    const response = await this.request.get(`${this.base}/tracks/${trackId}/versions/${version}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { nodes: TrackNode[] }).nodes;
  }

  async keyOf(trackId: string, title: string, version = 1): Promise<string> {
    const node = (await this.nodes(trackId, version)).find((candidate) => candidate.title === title);
    expect(node, `a node titled "${title}"`).toBeDefined();
    return node!.stableKey;
  }

  /** Assigns a published track; returns the assignments' ids in the order of `assigneeIds`. */
  async assign(data: { trackId: string; assigneeIds: string[]; mentorIds: string[]; startDate?: string; dueDate?: string; skippedKeys?: string[] }): Promise<string[]> {
    const response = await this.request.post(`${this.base}/assignments`, { data, headers: this.writeHeaders() });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`${this.base}${path}`);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as T;
  }

  /** A write under the organization; returns the response for the caller to check. */
  send(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, data?: unknown, headers: Record<string, string> = {}) {
    return this.request.fetch(`${this.base}${path}`, { method, data, headers: { ...this.writeHeaders(), ...headers } });
  }

  private writeHeaders() {
    return { origin: this.baseURL };
  }
}
