import { AxeBuilder } from "@axe-core/playwright";
import { existsSync } from "node:fs";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { demoPassword } from "./demo.js";
import { tokenOf } from "./live.js";
import { sessionHeaders } from "./session.js";

// Debian's headless shell: the same Blink and V8 without the browser's user interface, which
// took a tenth of the browser tests' CPU. The full browser serves where the shell is missing.
const headlessShell = "/usr/bin/chromium-headless-shell";
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium");

/** Debian's Chromium, headless, with the flags a closed network and running as root need. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

// One Chromium per test worker, started for the first file that needs it and shared by the
// files the worker runs after it (Playwright ends it with the worker), rather than one started
// and stopped for every file.
let shared: Promise<Browser> | undefined;
const openContexts = new Set<BrowserContext>();

/**
 * The worker's browser, for the tests of a file; call at the top of the file. The pages the
 * file opened (their contexts) are closed after its tests, so the next file starts clean.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await (shared ??= launchBrowser());
    // A browser that died with an earlier file is replaced, not inherited.
    if (!browser.isConnected()) browser = await (shared = launchBrowser());
  });
  afterAll(async () => {
    await Promise.all([...openContexts].map((context) => context.close()));
    openContexts.clear();
  });
  return () => browser!;
}

/** A screen size the pages must work at: a desktop and a phone held upright. */
export const desktop = { width: 1280, height: 900 };
export const phone = { width: 360, height: 740 };

/**
 * A page as a Dutch user sees it (axe-core needs a page from an explicit context), logged in as
 * `email` when given: the session comes from the API's login, as the login page would set it,
 * so a test spends no time on a page it is not about.
 */
export async function dutchPage(
  browser: Browser,
  options: { email?: string; password?: string; viewport?: typeof desktop } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: options.viewport ?? desktop,
  });
  // A limit for a hung step, not for speed: a loaded machine may take many times longer.
  context.setDefaultTimeout(60_000);
  openContexts.add(context);
  context.once("close", () => openContexts.delete(context));
  if (options.email) {
    const token = tokenOf(await sessionHeaders(options.email, options.password ?? demoPassword));
    await context.addCookies([
      { name: "kk_session", value: token, url: inject("baseUrl"), httpOnly: true, sameSite: "Lax" },
    ]);
  }
  return context.newPage();
}

/** No WCAG 2.0, 2.1 or 2.2 A or AA violation that axe-core can find. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    // Only what fails is reported on: describing every element that passes is most of axe's work.
    .options({ resultTypes: ["violations"] })
    // Checks the page in place: the default collects results per frame and combines them in a
    // blank page it opens for every check, which took two to three times as long. The pages have
    // no frames from another origin, which only the default can reach.
    .setLegacyMode(true)
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/**
 * Logs in through the login page, as a worker would, and waits until the app has taken over:
 * on the dashboard, or on `returnTo` as when a page sent the worker to log in first.
 */
export async function logIn(
  page: Page,
  email: string,
  password = demoPassword,
  returnTo?: string,
): Promise<void> {
  const query = returnTo ? `?terug=${encodeURIComponent(returnTo)}` : "";
  await page.goto(`${inject("baseUrl")}/inloggen${query}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/inloggen");
}

/**
 * Opens a path of the app (of the lane's server, or another) and waits until the page has settled: its main heading is there and
 * nothing in it is still loading.
 */
export async function openPage(
  page: Page,
  path: string,
  baseUrl = inject("baseUrl"),
): Promise<void> {
  const requests = requestsOf(page);
  await page.goto(`${baseUrl}${path}`);
  await settled(page, requests);
}

/**
 * Waits until the page is done: its main heading is shown, it says nowhere that it is loading,
 * no request of the app is open, and a rendered frame later none has been started (an answer
 * that leads to another question).
 */
export async function settled(page: Page, requests = requestsOf(page)): Promise<void> {
  for (;;) {
    await page.locator("main h1").first().waitFor();
    await page
      .getByRole("main")
      .getByText("Bezig met laden…")
      .first()
      .waitFor({ state: "detached" });
    await requests.none();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    if (requests.open === 0) return;
  }
}

// What the app loads (its code, styles, fonts and API calls); map tiles and other pictures are
// left out, as a page is usable before they arrive.
const appResources = new Set(["document", "script", "stylesheet", "font", "fetch", "xhr"]);
const trackers = new WeakMap<Page, ReturnType<typeof trackRequests>>();

function requestsOf(page: Page) {
  let tracker = trackers.get(page);
  if (!tracker) trackers.set(page, (tracker = trackRequests(page)));
  return tracker;
}

/** The app's requests that a page has open, and a wait for the moment it has none. */
function trackRequests(page: Page) {
  const open = new Set<Request>();
  let waiters: Array<() => void> = [];
  const done = (request: Request) => {
    open.delete(request);
    if (open.size > 0) return;
    for (const waiter of waiters) waiter();
    waiters = [];
  };
  page.on("request", (request) => {
    if (appResources.has(request.resourceType())) open.add(request);
  });
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return {
    get open() {
      return open.size;
    },
    none: () =>
      open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/** The page fits the viewport's width: nothing makes the reader scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    // Name the deepest boxes that grow wider than they are (not scrolling boxes), to say what to fix.
    const wider = Array.from(document.querySelectorAll("body *")).filter(
      (element) =>
        element.scrollWidth > element.clientWidth + 1 &&
        getComputedStyle(element).overflowX === "visible",
    );
    return wider
      .filter((element) => !wider.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map(
        (element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")}`,
      );
  });
  expect(overflow, "wider than the screen").toEqual([]);
}

interface FocusTrail {
  focused: Array<{ visible: boolean; description: string }>;
  left: boolean;
}

/**
 * Keyboard use: the first Tab reaches the skip link, which moves focus to the main content, and
 * every element Tab reaches shows where the focus is (an outline or a box shadow). The page
 * notes each element as it gets the focus, so the Tabs need no round trip each to look.
 */
export async function expectKeyboardUsable(page: Page, maxSteps = 60): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const trail: FocusTrail = { focused: [], left: false };
    Object.assign(window, { kkFocusTrail: trail });
    document.addEventListener("focusin", (event) => {
      if (trail.left) return;
      const element = event.target as Element;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
      const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
      const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim();
      trail.focused.push({
        visible: outline || shadow,
        description: `${element.tagName} "${name.slice(0, 40)}"`,
      });
    });
    // Past the last element the focus leaves the page.
    document.addEventListener("focusout", (event) => {
      if (!(event as FocusEvent).relatedTarget) trail.left = true;
    });
  });
  const trail = () =>
    page.evaluate(() => (window as unknown as { kkFocusTrail: FocusTrail }).kkFocusTrail);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
    "Naar de inhoud",
  );
  for (let step = 1; step < maxSteps; step += 10) {
    for (let press = 0; press < 10; press++) await page.keyboard.press("Tab");
    if ((await trail()).left) break;
  }
  const invisible = (await trail()).focused
    .slice(0, maxSteps)
    .filter((focused) => !focused.visible)
    .map((focused) => focused.description);
  expect(invisible, "focused without a visible focus indicator").toEqual([]);

  await page.locator(".kk-skip-link").focus();
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
}
