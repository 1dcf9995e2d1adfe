import * as chrono from 'chrono-node';
const ref = { instant: new Date(Date.UTC(2024,0,29,12)), timezone: 0 };
for (const p of process.argv.slice(2)) {
  const rs = chrono.en.parse(p, ref, { forwardDate: true });
  console.log(JSON.stringify(p), rs.map(r => `[${r.index}:${r.text}] ${r.start.get('year')}-${r.start.get('month')}-${r.start.get('day')} certain(d=${r.start.isCertain('day')},m=${r.start.isCertain('month')},y=${r.start.isCertain('year')}) ${r.end? 'end '+r.end.get('month')+'-'+r.end.get('day'):''}`).join(' | '));
}
