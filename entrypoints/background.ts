export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install: open the options page as a welcome, so the reader sees what the lens does.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
});
