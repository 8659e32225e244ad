// A stand-in for analyze-worker.js in the analysis pool's tests: it "analyses" an article by echoing its text,
// throws for the text "throw", and kills its thread for the text "crash" (as running out of memory would).
export default function crashingWorker(article) {
  if (article.text === 'crash') process.exit(1);
  if (article.text === 'throw') throw new Error('cannot analyse this');
  return { text: article.text };
}
