// Preloaded into Prisma CLI processes (NODE_OPTIONS=--require). The WebAssembly
// schema engine's driver leaves long timers behind that kept each command alive
// ~10 s after it had finished; unref'ing long timers lets the process exit at once.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 1000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
