#!/usr/bin/env node
// npm-peers.js MODULES_DIR PEER OUT_DIR < LIST
//
// Runs one npm summarizer over many documents in a single node process, so
// the package is loaded once instead of once per document (node start-up
// and the require() of lexrank's dependency tree cost about 0.2 to 0.4 s of
// CPU per document, more than summarizing a short article).
//
//   MODULES_DIR  a directory holding node_modules/ with the peers, made by
//                npm install --prefix MODULES_DIR ts-textrank@1.0.3 lexrank@1.0.5
//   PEER         ts-textrank | lexrank-npm (the folder names in
//                ../shared/eval/bbc/peers)
//   OUT_DIR      gets one OUT_DIR/<basename of FILE> per input
//   LIST         one "N<TAB>FILE" line per document: N sentences from FILE
//
// The calls and the output format are those of the stored BBC peer outputs
// (../shared/eval/bbc/peers/README.md): the text is passed unchanged, title
// line included; one sentence per line in document order; every whitespace
// run inside a sentence (newlines too) becomes one space; every line ends
// with "\n".
//   ts-textrank: AbstractSummarizerConfig(N, SorensenDice, DefaultTextParser,
//                0.85, SORT_OCCURENCE), language "en". Its parser drops the
//                sentence-final period.
//   lexrank-npm: summarize(text, N, cb); the callback's top lines come back
//                sorted by sentence index. It calls back synchronously.
// With the packages npm resolved on 2026-11-26 (stopword 1.0.11,
// transliteration 2.6.1, natural 0.2.1, wuzzy 0.1.8, sentence-tokenizer
// 0.0.7), this reproduces all 2225 stored BBC outputs of both peers byte for
// byte (N = ref_sentences of lengths.tsv; compare with diff -r).
// A document that throws gets no output file (rouge.py --missing-zero
// scores it 0) and a message on stderr; the others go on. Exit status 1 if
// any document failed, 2 on a usage error.
'use strict';
const fs = require('fs');
const path = require('path');

function usage(msg) {
    process.stderr.write(`npm-peers.js: ${msg}\n` +
        'usage: npm-peers.js MODULES_DIR ts-textrank|lexrank-npm OUT_DIR < LIST\n');
    process.exit(2);
}

if (process.argv.length !== 5)
    usage('expected 3 arguments');
const [modules, peer, outDir] = process.argv.slice(2);
const load = (name) => require(path.join(path.resolve(modules), 'node_modules', name));

let summarize;  // (text, n) -> array of sentences in document order
if (peer === 'ts-textrank') {
    const tr = load('ts-textrank');
    // The config holds N, so one summarizer per distinct N.
    const byN = new Map();
    summarize = (text, n) => {
        if (!byN.has(n)) {
            const config = new tr.AbsoluteSummarizerConfig(n,
                new tr.SorensenDiceSimilarity(), new tr.DefaultTextParser(),
                0.85, tr.Summarizer.SORT_OCCURENCE);
            byN.set(n, new tr.Summarizer(config, new tr.NullLogger()));
        }
        return byN.get(n).summarize(text, 'en');
    };
} else if (peer === 'lexrank-npm') {
    const lexrank = load('lexrank');
    summarize = (text, n) => {
        let result = null;
        lexrank.summarize(text, n, (err, topLines) => {
            if (err)
                throw err;
            result = topLines.map((l) => l.text);
        });
        if (result === null)
            throw new Error('lexrank did not call back synchronously');
        return result;
    };
} else {
    usage(`unknown peer '${peer}'`);
}

fs.mkdirSync(outDir, { recursive: true });
let failed = 0;
const lines = fs.readFileSync(0, 'utf8').split('\n');
for (const line of lines) {
    if (line === '')
        continue;
    const tab = line.indexOf('\t');
    const n = Number(line.slice(0, tab));
    const file = line.slice(tab + 1);
    if (tab < 0 || !Number.isInteger(n) || n < 1)
        usage(`bad list line '${line}'`);
    try {
        const text = fs.readFileSync(file, 'utf8');
        const out = summarize(text, n)
            .map((s) => s.replace(/\s+/g, ' ').trim() + '\n')
            .join('');
        fs.writeFileSync(path.join(outDir, path.basename(file)), out);
    } catch (e) {
        process.stderr.write(`npm-peers.js: ${peer}: ${file}: ${e.message}\n`);
        failed++;
    }
}
process.exit(failed ? 1 : 0);
