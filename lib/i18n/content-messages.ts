/**
 * The interface strings the content script shows on the article page (the panel's tab, the selection
 * toolbar, the note popover, the undo toast, errors), in English and Chinese. Apart from the rest
 * (messages.ts spreads these in) so the content script carries only these: the whole table was a
 * quarter of its size, and the page pays for every byte the browser compiles there.
 */
export const contentEn = {
  appName: 'Policy Lens',
  'panel.collapse': 'Collapse the Policy Lens panel',
  'panel.frameTitle': 'Policy Lens panel',
  'panel.noAnswer': 'Policy Lens did not answer. Reload the page to try again.',
  'panel.tooLarge':
    'This article is too long to analyse: its text is over 2 MB (2,000,000 characters) or 5,000 paragraphs. Highlighting still works.',
  'panel.expand': 'Show the Policy Lens panel',
  'highlights.selection.none': 'Select some text in the article first.',
  'highlights.selection.collapsed': 'Select some text in the article first.',
  'highlights.selection.no-article': 'This page has no article text to highlight.',
  'highlights.selection.outside-article': 'Only text inside the article can be highlighted.',
  'highlights.selection.no-text': 'The selection holds no article text to highlight.',
  'error.generic': 'Something went wrong: {0}',
  'highlights.color.yellow': 'Key point',
  'highlights.color.green': 'Data',
  'highlights.color.blue': 'Question',
  'highlights.color.pink': 'Opinion',
  'highlights.toolbar.label': 'Highlight the selection',
  'highlights.toolbar.color': 'Highlight as “{0}”',
  'highlights.toolbar.addNote': 'Add note',
  'highlights.popover.label': 'Highlight: “{0}”',
  'highlights.popover.noNote': 'No note yet.',
  'highlights.popover.hasNote': 'Has a note: it opens in the panel, where the page cannot read it.',
  'highlights.popover.editNote': 'Edit note',
  'highlights.popover.addNote': 'Add note',
  'highlights.popover.recolor': 'Change the colour to “{0}”',
  'highlights.popover.delete': 'Delete highlight',
  'highlights.popover.close': 'Close',
  'highlights.undo.deleted': 'Highlight deleted.',
  'highlights.undo.action': 'Undo',
  'highlights.popover.colors': 'Colour',
} as const;

export type ContentMessageKey = keyof typeof contentEn;

export const contentZh: Record<ContentMessageKey, string> = {
  appName: '政策透镜',
  'panel.collapse': '收起政策透镜面板',
  'panel.frameTitle': '政策透镜面板',
  'panel.noAnswer': '政策透镜没有响应。请刷新页面重试。',
  'panel.tooLarge': '文章过长，无法分析：正文超过 2 MB（200 万字）或 5000 段。高亮功能仍可使用。',
  'panel.expand': '展开政策透镜面板',
  'highlights.selection.none': '请先在文章中选中文字。',
  'highlights.selection.collapsed': '请先在文章中选中文字。',
  'highlights.selection.no-article': '此页没有可高亮的文章正文。',
  'highlights.selection.outside-article': '只能高亮文章正文中的文字。',
  'highlights.selection.no-text': '所选内容中没有可高亮的正文。',
  'error.generic': '出错了：{0}',
  'highlights.color.yellow': '重点',
  'highlights.color.green': '数据',
  'highlights.color.blue': '疑问',
  'highlights.color.pink': '观点',
  'highlights.toolbar.label': '高亮所选文字',
  'highlights.toolbar.color': '高亮为“{0}”',
  'highlights.toolbar.addNote': '添加笔记',
  'highlights.popover.label': '高亮：“{0}”',
  'highlights.popover.noNote': '还没有笔记。',
  'highlights.popover.hasNote': '有笔记：在面板中打开，网页无法读取。',
  'highlights.popover.editNote': '编辑笔记',
  'highlights.popover.addNote': '添加笔记',
  'highlights.popover.recolor': '改为“{0}”',
  'highlights.popover.delete': '删除高亮',
  'highlights.popover.close': '关闭',
  'highlights.undo.deleted': '高亮已删除。',
  'highlights.undo.action': '撤销',
  'highlights.popover.colors': '颜色',
};
