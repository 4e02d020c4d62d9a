import { describe, expect, it } from "vitest";
import { classifyAddress } from "./target-address";
import { checkTargetUrl } from "./target-url";

const refused = (url: string) => checkTargetUrl(url, { allowPrivate: false });

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["64:ff9b::a00:1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["::127.0.0.1", "loopback"],
  ])("refuses %s (%s)", (address, reason) => {
    const verdict = classifyAddress(address);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? "" : verdict.reason).toContain(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true });
  });

  it("refuses what is not an address", () => {
    expect(classifyAddress("example.com").allowed).toBe(false);
  });
});

describe("checkTargetUrl", () => {
  it.each([
    "http://0x7f.1/hook",
    "http://0x7f000001/hook",
    "http://2130706433/hook",
    "http://017700000001/hook",
    "http://127.1/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::1]:8080/hook",
    "http://localhost/hook",
    "http://localhost./hook",
    "http://LOCALHOST:3000/",
    "http://api.localhost/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://0/hook",
    "http://[fd00::1]/",
  ])("refuses %s", (url) => {
    expect(refused(url).ok).toBe(false);
  });

  it.each(["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "not a url", "http://user:pass@example.com/", `https://example.com/${"a".repeat(2100)}`])("refuses %s for its form", (url) => {
    expect(refused(url).ok).toBe(false);
  });

  it("accepts public http(s) URLs, and private ones only when allowed", () => {
    expect(refused("https://hooks.example.com/cairn?x=1").ok).toBe(true);
    expect(refused("http://93.184.216.34:8080/").ok).toBe(true);
    expect(checkTargetUrl("http://127.0.0.1:9999/hook", { allowPrivate: true }).ok).toBe(true);
    expect(checkTargetUrl("http://localhost:9999/hook", { allowPrivate: true }).ok).toBe(true);
  });
});
