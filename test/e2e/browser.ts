/**
 * Debian's Chromium headless shell through playwright-core, with the flags this sandbox needs (no
 * network, no GPU). The shell is Chromium's engine without the browser's own interface: a new page in
 * full headless Chromium also starts the browser's WebUI (the omnibox popup), a third of the CPU a page
 * of the atlas takes to open here. Playwright runs headless tests in the shell for the same reason.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}
