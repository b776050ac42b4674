// Draws Chart.js configurations with the real Chart.js in headless Chromium and reports, per chart,
// how much of the canvas was painted. Usage: node render.mjs <configs.json> <output-dir>
// configs.json: [{"name": "...", "config": {...}}]; writes <output-dir>/<name>.png and prints a JSON
// array of {"name", "painted", "colors", "error"} on stdout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [configsFile, outputDir] = process.argv.slice(2);
const charts = JSON.parse(readFileSync(configsFile, 'utf8'));
// The UMD bundle is not in chart.js's package exports, so it is found by path.
const chartJs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/chart.js/dist/chart.umd.js');

// Flags for a machine with no network beyond loopback: no background traffic, a throwaway profile.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
  await page.setContent('<html><body style="margin:0;background:#fff">'
    + '<div style="width:600px;height:360px"><canvas id="chart"></canvas></div></body></html>');
  await page.addScriptTag({ path: chartJs });
  for (const { name, config } of charts) {
    try {
      const stats = await page.evaluate((config) => {
        const canvas = document.getElementById('chart');
        const existing = Chart.getChart(canvas);
        if (existing) existing.destroy();
        config.options = Object.assign({ responsive: true, maintainAspectRatio: false }, config.options);
        new Chart(canvas, config);
        const context = canvas.getContext('2d');
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        const colors = new Set();
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) {
            painted++;
            colors.add((data[i] >> 4) + ',' + (data[i + 1] >> 4) + ',' + (data[i + 2] >> 4));
          }
        }
        return { painted: painted / (data.length / 4), colors: colors.size };
      }, config);
      await page.locator('#chart').screenshot({ path: path.join(outputDir, name + '.png') });
      results.push({ name, ...stats, error: null });
    } catch (error) {
      results.push({ name, painted: 0, colors: 0, error: String(error.message || error).split('\n')[0] });
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
