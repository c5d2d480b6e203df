import type { TableProps } from 'antd';

/** The page's scroll container (the content beside the menu). */
function content(): HTMLElement {
  return document.querySelector<HTMLElement>('.app-content') ?? document.body;
}

/**
 * For a table wider than a 1280-px window: its header and its horizontal
 * scroll bar stay in view while the page scrolls, so the columns past the
 * right edge are seen to be there.
 */
export const WIDE_TABLE: Pick<TableProps<object>, 'sticky'> = {
  sticky: { getContainer: content },
};
