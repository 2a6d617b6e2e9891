export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`[policy-lens] installed (${reason})`);
  });
});
