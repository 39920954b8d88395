import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium (never a tool's own browser download); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags for a headless, offline Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** A page opened from a file with every non-file request blocked, with its console errors and blocked requests. */
export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  blocked: string[];
}

/** Opens `file` in a new context of `width` × 900 px; non-file requests are aborted and recorded. */
export async function openOffline(browser: Browser, file: string, width = 1280): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  return { context, page, errors, blocked };
}
