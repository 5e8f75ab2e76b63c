// examples/cadre/<name>.yaml (+ photo.jpg) → <name>.lrmx, as the 任免表 software writes it: UTF-8 XML, root
// <Person>, 简历 lines joined by CR LF, seven <Item>s under <JiaTingChengYuan>, the photo as base64.
// Usage: node scripts/make-cadre-example.mjs examples/cadre/lin-zhiyuan.yaml [photo.jpg]
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const [src, photo = 'examples/cadre/photo.jpg'] = process.argv.slice(2);
const d = parse(readFileSync(src, 'utf8'));
const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const el = (k, v) => `  <${k}>${esc(v)}</${k}>\r\n`;
let xml = '<?xml version="1.0" encoding="UTF-8"?>\r\n<Person>\r\n';
for (const [k, v] of Object.entries(d)) {
  if (k === 'JiaTingChengYuan') {
    xml += '  <JiaTingChengYuan>\r\n';
    for (let i = 0; i < 7; i++) {
      const m = v[i] ?? {};
      xml += '    <Item>\r\n';
      for (const f of ['ChengWei', 'XingMing', 'ChuShengRiQi', 'ZhengZhiMianMao', 'GongZuoDanWeiJiZhiWu']) xml += `  ${el(f, m[f])}`.replace(/^ {2}/, '      ');
      xml += '    </Item>\r\n';
    }
    xml += '  </JiaTingChengYuan>\r\n';
  } else if (k === 'JianLi') xml += el(k, String(v).replace(/\r?\n/g, '\r\n'));
  else xml += el(k, v);
}
xml += el('ZhaoPian', readFileSync(photo).toString('base64'));
xml += '</Person>\r\n';
const out = src.replace(/\.ya?ml$/, '.lrmx');
writeFileSync(out, xml);
console.log(out);
