// responsibility-model/remark: the findings of `raci check` as vfile messages, for remark-cli and unified pipelines.
export { default, remarkRaci } from '../remark/plugin.js';
