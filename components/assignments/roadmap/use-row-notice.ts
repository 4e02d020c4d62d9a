"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const NOTICE_MS = 4000;

/** A short word shown on one row for a few seconds after a key it refused ("needs evidence"). */
export function useRowNotice() {
  const [notice, setNotice] = useState<{ key: string; text: string } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const show = useCallback((key: string, text: string) => {
    window.clearTimeout(timer.current);
    setNotice({ key, text });
    timer.current = window.setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);
  return { notice, show };
}
