// Drives /usr/bin/chromium over the built site; see run.sh. Prints one line per check and
// exits 1 if any failed.
import puppeteer from "puppeteer-core";
import { mkdirSync } from "node:fs";

const [base, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const seed = "troubleshoot-onboarding-error-messages.html";
let failures = 0;
function check(name, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures += 1;
}

// The tooltip's text and whether it is shown, and the source of a segment.
const tip = (page) =>
  page.evaluate(() => {
    const t = document.getElementById("seg-tip");
    const style = t && getComputedStyle(t);
    return {
      text: t ? t.textContent : null,
      shown: !!t && !t.hidden && style.display !== "none" && style.visibility !== "hidden",
    };
  });

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  // 1. The fr-FR seed page renders.
  await page.goto(`${base}/fr-FR/${seed}`, { waitUntil: "load" });
  const title = await page.title();
  check("fr-FR page title", title === "Résoudre les problèmes d’intégration et les messages d’erreur", title);
  const h1 = await page.$eval("article h1", (h) => h.textContent.trim());
  check("fr-FR heading text", h1 === "Résoudre les problèmes d’abonnement et d’accès au portail", h1);
  const lang = await page.$eval("html", (h) => h.lang);
  check("fr-FR page language", lang === "fr-FR", lang);
  const notice = await page.$eval(".mt-notice", (p) => p.textContent);
  check("machine translation notice", notice.startsWith("Cette page a été traduite automatiquement"), notice);
  await page.screenshot({ path: `${shots}/page-fr-FR.png` });

  // 2. Hovering a segment shows its English source.
  const target = "article li a .seg"; // a segment inside a link
  const source = await page.$eval(target, (s) => s.getAttribute("data-source"));
  await page.hover(target);
  await page.waitForFunction(() => !document.getElementById("seg-tip").hidden, { timeout: 3000 }).catch(() => {});
  let shown = await tip(page);
  check("hover shows the English source", shown.shown && shown.text === source, JSON.stringify(shown));
  await page.screenshot({ path: `${shots}/hover-fr-FR.png` });
  await page.mouse.move(1090, 790);
  await page.waitForFunction(() => document.getElementById("seg-tip").hidden, { timeout: 3000 }).catch(() => {});
  check("moving away hides it", !(await tip(page)).shown);

  // 3. Focusing a segment with the keyboard shows its English source too.
  await page.focus("body");
  let focused = null;
  for (let i = 0; i < 40 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.classList.contains("seg") ? a.getAttribute("data-source") : null;
    });
  }
  shown = await tip(page);
  check("Tab reaches a segment", focused !== null);
  check("focus shows the English source", shown.shown && shown.text === focused, JSON.stringify(shown));
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => document.activeElement.getAttribute("data-source"));
  shown = await tip(page);
  check("the next Tab shows the next source", shown.shown && shown.text === next, JSON.stringify(shown));
  await page.screenshot({ path: `${shots}/focus-fr-FR.png` });

  // 4. The toggle shows the English text in place, and back.
  await page.click("#toggle-source");
  const inPlace = await page.$eval("article h1 .seg", (s) => s.textContent);
  check("toggle shows English in place", inPlace === "Troubleshoot subscription and portal access issues", inPlace);
  await page.screenshot({ path: `${shots}/english-in-place-fr-FR.png` });
  await page.click("#toggle-source");
  const back = await page.$eval("article h1 .seg", (s) => s.textContent);
  check("toggle back shows the translation", back === h1, back);

  // 5. The switcher leads to the nl-NL page.
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click('nav.switcher a[hreflang="nl-NL"]')]);
  const url = page.url();
  check("switcher leads to the nl-NL page", url === `${base}/nl-NL/${seed}`, url);
  const nlLang = await page.$eval("html", (h) => h.lang);
  const nlH1 = await page.$eval("article h1", (h) => h.textContent.trim());
  check("nl-NL page renders", nlLang === "nl-NL" && nlH1.length > 0, `${nlLang} ${nlH1}`);
  await page.screenshot({ path: `${shots}/page-nl-NL.png` });

  // 6. The dashboard.
  await page.goto(`${base}/fr-FR/_dashboard.html`, { waitUntil: "load" });
  const rows = await page.$eval("table.dashboard tbody", (b) => [...b.rows].map((r) => r.cells[0].textContent));
  check("dashboard lists the locales", rows.join(" ") === "fr-FR nl-NL", rows.join(" "));
  await page.screenshot({ path: `${shots}/dashboard-fr-FR.png`, fullPage: true });

  check("no script errors", errors.length === 0, errors.join("; "));
} finally {
  await browser.close();
}
if (failures > 0) {
  console.error(`${failures} browser check(s) failed`);
  process.exit(1);
}
console.log("all browser checks passed");
