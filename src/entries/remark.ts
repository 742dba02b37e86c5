// responsibility-model/remark: the findings of `raci check` as vfile messages, for remark-cli and unified pipelines.
// remark-cli's `--use` loads a plugin from its module's default export.
export { remarkRaci as default, remarkRaci } from '../remark/plugin.js';
