// What the decision log's checks find wrong, as data: a code (the message `verifyWords.<code>` of the catalogues) and
// its parameters, which may be texts of their own. The pages (the log, a proposal's record, the Atom feed, the verify
// page) say it in the reader's language; `englishLogText` says it in the English the CLI, the CSV export, the API and
// the server's logs have always given, word for word (lib/log/words.test.ts holds the catalogue's English equal to
// this table, and every problem's text equal to its message). Pure and free of next-intl: the verifier runs in the
// browser and in the CLI.

export const logTextEnglish = {
  // An entry read from its hashed bytes (./hashed-entry, db/queries/log-public).
  'entry.notJson': 'entry #{seq} is not readable JSON',
  'entry.malformed': 'entry #{seq} is malformed: {problem}',
  'entry.notCanonical': 'entry #{seq} is not in canonical form',
  'entry.saysSeq': 'entry #{seq} says it is #{claimed}',
  'entry.otherOrganization': 'entry #{seq} belongs to another organization',
  'entry.hashMismatch': 'entry #{seq} does not match its hash',
  'entry.predecessorMissing': 'entry #{prev}, which #{seq} links to, is missing',
  'entry.noLink': 'entry #{seq} does not link to #{prev}',
  // The whole log, as the public pages check it (lib/transparency/log-status).
  'log.entriesMissing': 'entries #{from} to #{to} are missing',
  'log.entryMissing': 'entry #{seq} is missing',
  'log.checkpointDiffers': 'the entries up to #{seq} differ from the signed checkpoint of that size',
  'log.checkpointUnsigned': "the signed checkpoint of size {size} does not verify with the organization's key",
  'log.shorter': 'the log is shorter ({size} entries) than when it was verified ({verified})',
  'log.headHash': "the log's head hash is not the hash of its last entry",
  'log.headRoot': "the log's head root is not the root of its entries",
  'log.headUnreadable': "the log's head is unreadable",
  // The verifier (./verify and the modules beside it).
  'verify.seq': 'seq {seq}',
  'verify.seqRange': 'seq {from}–{to}',
  'verify.genesis': 'genesis',
  'verify.checkpoint': 'checkpoint #{n}',
  'verify.entriesNotArray': 'entries is not an array',
  'verify.atPosition': 'entry at position {position}: {problem}',
  'verify.prevHash': 'seq {seq}: prevHash {prevHash} is not the hash of {of} ({expected})',
  'verify.hash': 'seq {seq}: stored hash {stored} but the entry hashes to {actual}',
  'verify.rootDiffers': '{checkpoint} (size {size}) signs root {signed}, but the entries give {root}: some entry in {range} differs from what was signed',
  'verify.signedForMore': '{checkpoint} is signed for {size} entries but the export has {n}: {range} missing',
  'verify.duplicate': 'expected seq {seq} here, found seq {found} again (a duplicate)',
  'verify.swapped': 'seq {seq} and {next} are swapped',
  'verify.comesLater': 'expected seq {seq} here, found seq {found}; seq {seq} comes later, at position {position}',
  'verify.found': 'expected seq {seq} here, found seq {found}',
  'verify.outOfPlace': 'seq {seq} is out of place',
  'verify.gap': '{range} missing from the export',
  'verify.noteNotString': '{checkpoint}: note is not a string',
  'verify.noKey': '{checkpoint}: no public key given, so its signature cannot be checked',
  'verify.cannotVerify': '{checkpoint}: cannot verify: {why}',
  'verify.checkpointError': '{checkpoint}: {why}',
  'verify.origin': "{checkpoint}: origin {origin} is not this log's {name}",
  // Charter references (./verify-charter).
  'charter.proposal': '{kind} of proposal #{n}',
  'charter.incomplete': '{where} names its charter incompletely (version {version}, hash {hash})',
  'charter.notAdopted': '{where} says it was decided under charter version {version}, but no earlier entry adopted that version',
  'charter.otherHash': '{where} names charter version {version} with hash {hash}, but that version was adopted with hash {adopted}',
  // A member-wide close's published attachment (./attachment).
  'attachment.malformed': 'the close names its disclosure malformed',
  'attachment.unknownScheme': 'unknown disclosure scheme {scheme}',
  'attachment.notPublished': 'the attachment {name} the close names is not published',
  'attachment.hash': 'the attachment {name} hashes to {hash}, the close says {expected}',
  'attachment.notJson': 'the attachment {name} is not JSON',
  'attachment.noRoll': 'the attachment {name} has no roll and roll call',
  // Ballots and roll calls (./verify-ballots).
  'ballots.rollCall': 'roll call #{n}',
  'ballots.objection': 'objection #{n}',
  'ballots.voteIdUsed': 'voteId {voteId} was already used by the ballot at seq {seq}',
  'ballots.castAfterClose': 'ballot cast after stage {stage} of {subject} was closed',
  'ballots.unknownScheme': 'ballot.cast entry uses an unknown commitment scheme {scheme}',
  'ballots.afterClose': '{kind} after stage {stage} of {subject} was closed',
  'ballots.noStage': 'voting.closed entry has no stageIndex',
  'ballots.noRollCall': 'voting.closed entry has no roll call',
  'ballots.lacksVote': '{where} lacks voteId, seatId or choice',
  'ballots.seatTwice': '{where}: seat {seat} appears twice in the roll call',
  'ballots.notChoice': '{where}: {choice} is not a choice',
  'ballots.noCast': '{where}: no ballot.cast entry before the close has voteId {voteId}',
  'ballots.otherBallot':
    '{where}: ballot {voteId} (seq {seq}) was cast for {subject} stage {stage} seat {castSeat}, not for this proposal, stage and seat {seat}',
  'ballots.notLast': "{where}: ballot {voteId} (seq {seq}) is not seat {seat}'s last ballot; the last is {last} (seq {lastSeq})",
  'ballots.secretDisclosed': '{where}: ballot {voteId} (seq {seq}) was cast as a secret ballot, but the roll call discloses it as {choice}',
  'ballots.commitmentDisclosed': '{where}: ballot {voteId} (seq {seq}) was cast with a commitment, but the roll call discloses it as {choice}',
  'ballots.noNonce': '{where}: ballot {voteId} is disclosed without its 64-hex-digit nonce',
  'ballots.notOpened': '{where}: choice {choice} and the disclosed nonce do not open the commitment of ballot {voteId} (seq {seq})',
  'ballots.leftOut': 'the roll call leaves out seat {seat}, whose last ballot {voteId} (seq {seq}) was not withdrawn by a recusal',
  'ballots.noTally': 'voting.closed entry has no tally',
  'ballots.tallyChoice': 'the tally says {tally} {choice}, the roll call has {count}',
  'ballots.tallyCast': 'the tally says {tally} ballots cast, the roll call has {count}',
  'ballots.noObjections': 'the close of a decision by consent does not list its standing objections',
  'ballots.objectionCount': 'the tally says {tally} objections stood, the close lists {count}',
  'ballots.lacksObjection': '{where} lacks seatId or reason',
  'ballots.objectionTwice': '{where}: seat {seat} is listed twice',
  'ballots.noSuchObjection': '{where}: seat {seat} has no standing objection with this reason in the log before the close',
  'ballots.objectionLeftOut': 'the close leaves out the objection of seat {seat}, raised and not withdrawn before it',
  // An export the verify page cannot read (lib/transparency/log-export).
  'export.notJson': 'This is not JSON: choose a decision-log export (.json).',
  'export.notExport': 'This JSON is not a decision-log export.',
  'export.unknownFormat': 'Unknown export format {format}; expected {expected}.',
  'export.noEntries': 'The export has no list of entries.',
  'export.pinnedKey': 'The verifier key you entered is not a valid key (name+hash+key).',
  'export.exportKey': 'The export’s verifier key is malformed.',
} as const satisfies Record<string, string>;

export type LogTextCode = keyof typeof logTextEnglish;
/** A parameter: a string shown as given (seqs, hashes, names, what other code reported in English) or a text. */
export type LogTextParam = string | LogText;
export type LogText = { code: LogTextCode; params?: Record<string, LogTextParam> };

export const logText = (code: LogTextCode, params?: Record<string, LogTextParam>): LogText => (params ? { code, params } : { code });

/** A text in words, from `message(code, params)`: the catalogue's `verifyWords.<code>`, or the English table. */
export function renderLogText(text: LogText, message: (code: LogTextCode, params: Record<string, string>) => string): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = typeof value === 'string' ? value : renderLogText(value, message);
  return message(text.code, params);
}

/** The English, as the checks have always said it. */
export function englishLogText(text: LogText): string {
  return renderLogText(text, (code, params) => logTextEnglish[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole));
}

/** "seq 5" or "seq 5–7". */
export const seqRangeText = (from: number, to: number): LogText =>
  from === to ? logText('verify.seq', { seq: String(from) }) : logText('verify.seqRange', { from: String(from), to: String(to) });

/** A problem's `message` (its English) and `text` (the same as data), from the text. */
export const said = (text: LogText): { message: string; text: LogText } => ({ message: englishLogText(text), text });
