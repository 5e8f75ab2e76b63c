/** zod's locale barrel cut to the two locales used: zh-CN for the messages, en as zod's default. */
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
export { default as en } from 'zod/v4/locales/en.js';
