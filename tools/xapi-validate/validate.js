#!/usr/bin/env node
// Validates xAPI statements with @learninglocker/xapi-validation (the
// version package-lock.json pins). Each argument is a JSON file holding an
// array of statements (as `takedown xapi` prints) or an object whose
// values are such arrays, keyed by where they come from (as
// `go run ./tools/xapi-validate` writes). Every invalid statement is
// printed with its source, its position and what is wrong with it; the
// exit code is 1 if any is invalid, 2 if a file cannot be read.
'use strict';

const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

function groups(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (Array.isArray(data)) {
    return [[file, data]];
  }
  if (data === null || typeof data !== 'object') {
    throw new Error('neither an array of statements nor an object of such arrays');
  }
  return Object.keys(data).sort().map((k) => [k, data[k]]);
}

function describe(w) {
  const where = Array.isArray(w.path) ? w.path.join('.') : String(w.path);
  const what = w.typeName ? 'not a valid ' + w.typeName : (w.message || w.name || 'invalid');
  let data = '';
  try {
    data = JSON.stringify(w.data);
  } catch (e) {
    data = String(w.data);
  }
  if (data && data.length > 120) {
    data = data.slice(0, 117) + '...';
  }
  return where + ': ' + what + (data === undefined ? '' : ' (' + data + ')');
}

function main(files) {
  if (files.length === 0) {
    console.error('usage: validate.js FILE.json...');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let list;
    try {
      list = groups(file);
    } catch (e) {
      console.error(file + ': ' + e.message);
      return 2;
    }
    for (const [source, statements] of list) {
      if (!Array.isArray(statements)) {
        console.error(source + ': not an array of statements');
        failed++;
        continue;
      }
      statements.forEach((st, i) => {
        const warnings = validate(st);
        if (warnings.length === 0) {
          passed++;
          return;
        }
        failed++;
        const verb = st && st.verb && st.verb.id ? st.verb.id : '?';
        console.log('INVALID ' + source + ' statement ' + (i + 1) + ' ' + (st && st.id) + ' (' + verb + '):');
        for (const w of warnings) {
          console.log('  ' + describe(w));
        }
      });
    }
  }
  console.log('xapi: ' + passed + ' passed, ' + failed + ' failed');
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
