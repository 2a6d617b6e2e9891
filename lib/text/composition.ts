/**
 * Whether a key press belongs to an input method's composition (pinyin letters before the reader picks
 * 医保, a candidate chosen with Enter): then Enter and Esc are the input method's, not ours.
 * `isComposing` is the standard; keyCode 229 is what Chrome and Safari report for the keydown that
 * ends a composition, whose isComposing may already be false.
 */
export function isComposingKey(event: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing || event.keyCode === 229;
}
