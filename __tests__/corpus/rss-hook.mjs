// Preloaded into CLI children by the corpus tests: writes the peak RSS (KiB) to CJK_RSS_FILE on exit.
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  if (process.env.CJK_RSS_FILE) writeFileSync(process.env.CJK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
