import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'system-ui',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Microsoft YaHei"',
  '"Hiragino Sans GB"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** Browsers driven by WebDriver (the end-to-end tests) get no animations, so nothing moves under a click. */
const automated = typeof navigator !== 'undefined' && navigator.webdriver === true;

export const theme: ThemeConfig = {
  token: {
    motion: !automated,
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1d5fbf',
    borderRadius: 6,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f4f6f9',
    },
    Table: {
      headerBg: '#fafbfc',
    },
  },
};
