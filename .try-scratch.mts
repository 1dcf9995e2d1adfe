import { interpretDeadline } from './src/commitments/deadline-interpreter.js';
const ref = process.env.REF ?? '2024-01-29';
for (const p of process.argv.slice(2)) {
  const d = interpretDeadline(p, ref, process.env.TZZ ?? 'Asia/Karachi');
  const { text, reference, ...rest } = d as any;
  console.log(JSON.stringify(p).padEnd(60), JSON.stringify(rest));
}
