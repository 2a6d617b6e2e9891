/**
 * PRIVACY.md as an extension page (privacy.html), made at build time so the options and welcome pages
 * can link to the policy without a network request, and the page says exactly what the repository's
 * file says. The file is ours, so its HTML is trusted as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';

export const PRIVACY_PAGE = 'privacy.html';

const STYLE = `
:root { color-scheme: light dark; font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #8884; padding: .4rem .6rem; vertical-align: top; text-align: left; }
code { font-size: .9em; overflow-wrap: anywhere; }
hr { margin: 3rem 0; }
`;

export function privacyPage(root: string): string {
  const markdown = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Policy Lens — Privacy policy / 隐私政策</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}
