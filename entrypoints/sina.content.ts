import { ARTICLE_MATCHES } from '@/lib/sina/match-patterns';
import { parseArticleUrl } from '@/lib/sina/url';

export default defineContentScript({
  matches: ARTICLE_MATCHES,
  runAt: 'document_idle',
  main() {
    const article = parseArticleUrl(location.href);
    if (!article) return;
    // A visible, non-sensitive marker: tests and the page can tell the lens is active here.
    document.documentElement.dataset.policyLens = 'article';
  },
});
