// Heap probe, baseline: compromise and sentiment loaded and warmed, nothing of ours.
import nlp from 'compromise';
import Sentiment from 'sentiment';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
nlp('Warm up the lexicon, please.').json();
new Sentiment().analyze('warm up');
for (let i = 0; i < 4; i++) gc();
process.stdout.write(`${process.memoryUsage().heapUsed}\n`);
