import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.js';

/** [behaviour, article text, expected quotes as [text, kind, speaker name or null, country or null]] */
type Row = readonly [string, string, readonly (readonly [string, string, string | null, string | null])[]];

const rows: readonly Row[] = [
  ['takes a cue after the quote with the speaker after the cue and an apposition',
    '“We are ready,” said Sandy Warsaw, the former US ambassador to Russia.',
    [['We are ready,', 'direct', 'Sandy Warsaw', 'US']]],
  ['takes a title before the name as the role ("Kremlin spokesman Dmitry Peskov")',
    '“We will not move,” Kremlin spokesman Dmitry Peskov told reporters on Thursday.',
    [['We will not move,', 'direct', 'Dmitry Peskov', 'RU']]],
  ['takes the attribution after a full stop inside the marks ("“…win.” Lavrov said.")',
    'The talks ended.\n\n“We will win.” Lavrov said. “Why now?” Peskov asked.',
    [['We will win.', 'direct', 'Lavrov', null], ['Why now?', 'direct', 'Peskov', null]]],
  ['takes a cue before the quote ("X said: “…”")',
    'Russian Foreign Minister Sergei Lavrov said: “Our patience is running out.”',
    [['Our patience is running out.', 'direct', 'Sergei Lavrov', 'RU']]],
  ['attributes a quote to the subject of "said", not to a later name',
    '“This is not helpful,” Deputy Secretary of State Wendy Sherman said after meeting Russian Deputy Foreign Minister Sergei Ryabkov.',
    [['This is not helpful,', 'direct', 'Wendy Sherman', 'US']]],
  ['gives a second quote after the attribution the same speaker',
    '“We will not wait forever,” Lavrov said. “Our patience is running out.”',
    [['We will not wait forever,', 'direct', 'Lavrov', null], ['Our patience is running out.', 'direct', 'Lavrov', null]]],
  ['resolves "he said" to the person introduced in the paragraph before',
    'Ukrainian President Volodymyr Zelensky visited troops in the east on Friday.\n\n“We will not give up our land,” he said.',
    [['We will not give up our land,', 'direct', 'Volodymyr Zelensky', 'UA']]],
  ['resolves "she said" past a man named in between',
    'German Foreign Minister Annalena Baerbock met Mr. Lavrov in Moscow. Mr. Lavrov said little.\n\n“We disagree on almost everything,” she said.',
    [['We disagree on almost everything,', 'direct', 'Annalena Baerbock', 'DE']]],
  ['resolves "she said" past a man by the given names',
    'Russian Deputy Foreign Minister Sergei Ryabkov spoke first. Deputy Secretary of State Wendy Sherman replied later. Ryabkov said little.\n\n“We made some progress,” she said.',
    [['We made some progress,', 'direct', 'Wendy Sherman', 'US']]],
  ['resolves "the official" to the official described before',
    'A senior State Department official, who spoke on condition of anonymity, said the talks had stalled.\n\n“There is no movement at all,” the official said.',
    [['said the talks had stalled', 'indirect', 'A senior State Department official', 'US'], ['There is no movement at all,', 'direct', 'A senior State Department official', 'US']]],
  ['treats an organisation as a speaker of its own kind',
    '“The claims are baseless,” the Russian Foreign Ministry said in a statement.',
    [['The claims are baseless,', 'direct', 'Russian Foreign Ministry', 'RU']]],
  ['resolves "it said" to the latest organisation',
    'The Russian Defence Ministry said on Monday that its forces had advanced.\n\n“The enemy suffered heavy losses,” it said.',
    [['said on Monday that its forces had advanced', 'indirect', 'Russian Defence Ministry', 'RU'], ['The enemy suffered heavy losses,', 'direct', 'Russian Defence Ministry', 'RU']]],
  ['treats a group as a speaker of its own kind',
    '“The risk is real,” senior U.S. officials said.',
    [['The risk is real,', 'direct', 'senior U.S. officials', 'US']]],
  ['reads "according to" with the speaker after it',
    '“The alliance will defend every inch,” according to NATO Secretary General Jens Stoltenberg.',
    [['The alliance will defend every inch,', 'direct', 'Jens Stoltenberg', 'NATO']]],
  ['tells a partial quote inside reported speech from a scare quote',
    'Officials rejected the demands as “non-starters,” State Department spokesman Ned Price said. The so-called “peacekeepers” arrived later.',
    [['non-starters,', 'partial', 'Ned Price', 'US']]],
  ['attributes a partial quote after a framing verb to its subject, and knows a titled leader\'s country',
    'Chancellor Olaf Scholz called the move “a flagrant violation of international law.”',
    [['a flagrant violation of international law.', 'partial', 'Olaf Scholz', 'DE']]],
  ['reads guillemets and German quotation marks',
    '«Nous sommes prêts», a déclaré Macron. „Wir sind bereit“, sagte Scholz.',
    [['Nous sommes prêts', 'direct', null, null], ['Wir sind bereit', 'direct', null, null]]],
  ['keeps single quotes inside double quotes in one quotation',
    '“He told me ‘never again’ and left,” said Maria Zakharova, the Russian Foreign Ministry spokeswoman.',
    [['He told me ‘never again’ and left,', 'direct', 'Maria Zakharova', 'RU']]],
  ['follows a quotation over a paragraph break to the attribution at its end',
    '“The first part of a long statement runs here.\n\n“And the second part ends it,” said Antony Blinken, the U.S. Secretary of State.',
    [['The first part of a long statement runs here.', 'direct', 'Antony Blinken', 'US'], ['And the second part ends it,', 'direct', 'Antony Blinken', 'US']]],
  ['recovers an unclosed quotation at its paragraph end without swallowing the next paragraph',
    '“We will respond, Defence Secretary Ben Wallace said. “They will pay for this.\n\nThe next paragraph is narrative and has no quotes.',
    [['We will respond, Defence Secretary Ben Wallace said. “They will pay for this.', 'direct', null, null]]],
  ['links a heading that is only a quotation to the later quote it repeats',
    'Talks end without a deal\n\n“Escalation does not help diplomacy”\n\nThe meeting lasted eight hours.\n\n“This escalation does not help real diplomacy,” said Wendy Sherman, the U.S. deputy secretary of state.',
    [['Escalation does not help diplomacy', 'heading', 'Wendy Sherman', 'US'], ['This escalation does not help real diplomacy,', 'direct', 'Wendy Sherman', 'US']]],
  ['merges a surname-only reference into the full name',
    '“Sanctions will follow,” said Jake Sullivan, the U.S. national security adviser.\n\nLater, Sullivan added: “We are united.”',
    [['Sanctions will follow,', 'direct', 'Jake Sullivan', 'US'], ['We are united.', 'direct', 'Jake Sullivan', 'US']]],
  ['merges a spelling variant of the surname',
    '“One option is invasion,” said Oleksandr Danilyuk, a former secretary of the National Security Council of Ukraine.\n\n“It will frighten the West,” Daniliuk said.',
    [['One option is invasion,', 'direct', 'Oleksandr Danilyuk', 'UA'], ['It will frighten the West,', 'direct', 'Oleksandr Danilyuk', 'UA']]],
  ['gives a role that names a second country to the first ("an expert on Russia at … in Washington")',
    '“They may divide the West,” said Angela Stent, an expert on Russia at Georgetown University in Washington.',
    [['They may divide the West,', 'direct', 'Angela Stent', 'US']]],
  ['reads a name between commas after a possessive role',
    'Ukraine’s foreign minister, Dmytro Kuleba, said: “We need more weapons.”',
    [['We need more weapons.', 'direct', 'Dmytro Kuleba', 'UA']]],
  ['strips honorifics from names',
    '“We will not be intimidated,” Mr. Johnson told Parliament.',
    [['We will not be intimidated,', 'direct', 'Johnson', null]]],
  ['reads reported speech without marks as indirect',
    'Russian Foreign Minister Sergei Lavrov warned on Friday that Moscow is starting to run out of patience.',
    [['warned on Friday that Moscow is starting to run out of patience', 'indirect', 'Sergei Lavrov', 'RU']]],
  ['reads reported speech before and after "according to"',
    'Russian troops withdrew from the village overnight, according to the Ukrainian military. According to the United Nations, more than 8 million people have fled.',
    [['Russian troops withdrew from the village overnight', 'indirect', 'Ukrainian military', 'UA'], ['more than 8 million people have fled', 'indirect', 'United Nations', 'UN']]],
  ['reads content-first reported speech as indirect',
    'One option is a large-scale operation to occupy the east, said Oleksandr Danilyuk, a former secretary of the National Security Council of Ukraine.',
    [['One option is a large-scale operation to occupy the east', 'indirect', 'Oleksandr Danilyuk', 'UA']]],
  ['reads transcript turns with their labels and leaves questions out',
    'MS. PSAKI:  Good afternoon, everyone.\n\nQ  Jen, what about Russia?\n\nMS. PSAKI:  We have been clear.\n\nAnd we will stay clear.',
    [['Good afternoon, everyone.', 'turn', 'Psaki', null], ['We have been clear.', 'turn', 'Psaki', null], ['And we will stay clear.', 'turn', 'Psaki', null]]],
  ['gives "THE PRESIDENT:" the president named in the text, and keeps him when another president is mentioned',
    'Remarks by President Biden and Secretary General Stoltenberg of NATO\n\nTHE PRESIDENT:  Thank you all.\n\nSECRETARY GENERAL STOLTENBERG:  Thank you, Mr. President.\n\nTHE PRESIDENT:  President Putin has a choice.\n\nTHE PRESIDENT:  Thanks.',
    [['Thank you all.', 'turn', 'Biden', 'US'], ['Thank you, Mr. President.', 'turn', 'Stoltenberg', 'NATO'], ['President Putin has a choice.', 'turn', 'Biden', 'US'], ['Thanks.', 'turn', 'Biden', 'US']]],
  ['reads remarks by one speaker as that speaker’s turn, paragraph by paragraph, between the time stamp and END, without stage directions',
    'Remarks by President Biden Providing an Update on Russia\n\nEast Room\n\n3:29 P.M. EST\n\nTHE PRESIDENT:  Good afternoon.\n\nWe are ready to respond.  (Applause.)\n\n(Laughter.)\n\nThank you.\n\nEND  3:50 P.M. EST',
    [['Good afternoon.', 'turn', 'Biden', 'US'], ['We are ready to respond.', 'turn', 'Biden', 'US'], ['Thank you.', 'turn', 'Biden', 'US']]],
  ['reads no turn from a single label in news that nothing marks as a transcript ("HUFFPOLLSTER:")',
    'HUFFPOLLSTER:  Voters shifted sharply this week.\n\nThe polls moved, and the campaigns noticed.',
    []],
  ['reads a statement whose title names its author as the author’s, paragraph by paragraph, the title left out',
    'Statement by Press Secretary Jen Psaki on Russian Aggression\n\nPresident Biden has been clear with the Russian President.\n\nWe will respond.',
    [['President Biden has been clear with the Russian President.', 'statement', 'Jen Psaki', 'US'], ['We will respond.', 'statement', 'Jen Psaki', 'US']]],
  ['reads a statement title in capitals with the author’s name as a label is read',
    'STATEMENT BY SENATOR JANE DOE ON THE VOTE\n\nWe lost today, and we will be back.',
    [['We lost today, and we will be back.', 'statement', 'Jane Doe', null]]],
  ['reads a press release opening ("… issued the following statement:") as the author’s statement, a quotation in it for its speaker, up to "###"',
    'WASHINGTON — Senator Jane Doe (D-Wis.) issued the following statement today:\n\n“This is a dark day,” she said.  We must act now.\n\n###\n\nContact: press office',
    [['“This is a dark day,” she said.  We must act now.', 'statement', 'Jane Doe', 'US'], ['This is a dark day,', 'direct', 'Jane Doe', 'US']]],
  ['reads an op-ed after its byline as the author’s statement',
    'Opinion\n\nWhy we must stand with Ukraine\n\nBy Jane Doe\n\nI have seen war up close.  It must end.',
    [['I have seen war up close.  It must end.', 'statement', 'Jane Doe', null]]],
  ['reads no statement from a news report’s byline',
    'Talks ended without a deal\n\nBy Jane Doe\n\nThe talks ended on Friday without a deal between the two sides.',
    []],
  ['reads no statement from a joint statement, which is no single author’s',
    'Joint Statement by President Biden and President von der Leyen on Energy\n\nWe are jointly committed to Europe’s energy security.',
    []],
  ['reads a readout in the third person as reported speech, not as the President’s statement',
    'Readout of President Biden’s Call with President Putin\n\nPresident Biden reiterated that a further Russian invasion of Ukraine would produce widespread human suffering.',
    [['reiterated that a further Russian invasion of Ukraine would produce widespread human suffering', 'indirect', 'Biden', 'US']]],
  ['reports a quotation inside a turn for the person a cue names, the turn staying a turn, and one in a question for no one when its cue names no one known',
    'MS. PSAKI:  Good afternoon.\n\nQ  Jen, he said the West “will face consequences greater than any you have faced.”  Your view?\n\nMS. PSAKI:  We are calm.  As Secretary Blinken said today, the U.S. will not discuss “certain issues and fundamental principles.”',
    [['Good afternoon.', 'turn', 'Psaki', null], ['will face consequences greater than any you have faced.', 'partial', null, null],
      ['We are calm.  As Secretary Blinken said today, the U.S. will not discuss “certain issues and fundamental principles.”', 'turn', 'Psaki', null],
      ['certain issues and fundamental principles.', 'partial', 'Blinken', 'US']]],
  ['reports a quotation inside a turn that the speaker quotes themselves in for the turn’s speaker',
    'VICE PRESIDENT HARRIS:  I spoke with President Zelenskyy last night.  I told him, “The United States stands with you.”\n\nQ  Thank you.',
    [['I spoke with President Zelenskyy last night.  I told him, “The United States stands with you.”', 'turn', 'Harris', 'US'], ['The United States stands with you.', 'direct', 'Harris', 'US']]],
  ['keeps both halves of a quotation split by its attribution as direct quotes of one speaker',
    '“We are ready,” Sullivan said, “to talk at any time.”',
    [['We are ready,', 'direct', 'Sullivan', null], ['to talk at any time.', 'direct', 'Sullivan', null]]],
  ['gives a cue coordinated with an earlier verb to the clause subject ("… looked at … and said that …")',
    'Last weekend, a senior official in the Biden administration looked at the map and said that the coming week would decide.',
    [['said that the coming week would decide', 'indirect', 'a senior official in the Biden administration', 'US']]],
  ['returns no quotes for an article without any',
    'The talks ended on Friday. No further meetings were scheduled.',
    []],
  ['resolves "he said" to a relation introduced as a sentence subject ("Her colleague Piotr Lis agreed.")',
    '“I have worked here for years,” said Ewa Sadowska, a crane operator.\n\nHer colleague Piotr Lis agreed. “We are asking to live,” he said.',
    [['I have worked here for years,', 'direct', 'Ewa Sadowska', null], ['We are asking to live,', 'direct', 'Piotr Lis', null]]],
  ['takes a subject after a long opening phrase and a lower-case noun before its title ("At the gates of the port, crane operator …")',
    'Prime Minister Donald Tusk urged calm.\n\nAt the gates of the Gdansk terminal, crane operator Ewa Sadowska held a sign. “My salary has not kept up,” she said.',
    [['My salary has not kept up,', 'direct', 'Ewa Sadowska', null]]],
  ['takes a known surname alone as a sentence subject for a later pronoun',
    '“Perfect data does not exist,” Rita Albuquerque said. Finance Minister João Ferreira disagreed.\n\nAlbuquerque was unmoved. “Good judgement does,” she said.',
    [['Perfect data does not exist,', 'direct', 'Rita Albuquerque', null], ['Good judgement does,', 'direct', 'Rita Albuquerque', null]]],
  ['merges a description into the person it later names ("The finance minister said …" … "The finance minister, João Ferreira,")',
    'Bank row deepens\n\nThe finance minister said the bank was “living in the past.”\n\nThe finance minister, João Ferreira, did not hold back. “Families cannot wait,” he said.',
    [['living in the past.', 'partial', 'João Ferreira', null], ['Families cannot wait,', 'direct', 'João Ferreira', null]]],
  ['reads a name with particles after the cue ("told … Ursula von der Leyen")',
    'In Brussels, European Commission President Ursula von der Leyen defended the deal. “This deal opens a market,” she told reporters.',
    [['This deal opens a market,', 'direct', 'Ursula von der Leyen', 'EU']]],
  ['gives "the official" the latest official mentioned, not an earlier one',
    '“The evidence is overwhelming,” a senior EU official said.\n\nA defence official, who asked not to be named, said drones were used. “They are cheap,” the official said.',
    [['The evidence is overwhelming,', 'direct', 'a senior EU official', 'EU'], ['They are cheap,', 'direct', 'A defence official', null]]],
  ['treats a name closed by an institution noun as an organisation ("Human Rights Watch") and "the group" as that organisation',
    'Human Rights Watch urged wider sanctions. “Accountability cannot stop at arms exports,” the group said.',
    [['Accountability cannot stop at arms exports,', 'direct', 'Human Rights Watch', null]]],
  ['gives "the group said" the organisation that was the subject of the sentence before',
    'The Rapid Support Forces rejected the accusation. “The army is looking for excuses,” the group said.',
    [['The army is looking for excuses,', 'direct', 'Rapid Support Forces', null]]],
  ['names the person after a description that follows the cue ("says its chief executive, James Taylor")',
    "Disability charity Scope says it has received thousands of calls. 'People are terrified,' says its chief executive, James Taylor.",
    [['People are terrified,', 'direct', 'James Taylor', null]]],
  ['takes the subject named in apposition for a cue after "and" ("its spokesman, Nabil Abdullah, accused … and said")',
    'On Friday its spokesman, Nabil Abdullah, accused the militia of violating a truce and said the army would not return “while our cities are under siege.”',
    [['while our cities are under siege.', 'partial', 'Nabil Abdullah', null]]],
  ['gives "the official" a person described as a sentence subject ("A senior official from the delegation … described")',
    'A senior official from the host delegation, who was in the room, described the mood as tense. “Nobody was shouting,” the official said.',
    [['Nobody was shouting,', 'direct', 'A senior official', null]]],
  ['gives "the source" the anonymous source who spoke before',
    'A government source said ministers had prepared for the ruling. “We always knew this was a possibility,” the source said.',
    [['said ministers had prepared for the ruling', 'indirect', 'A government source', null], ['We always knew this was a possibility,', 'direct', 'A government source', null]]],
  ['keeps "and" inside an institution named before a role noun ("A Department of Health and Social Care spokesperson")',
    'A Department of Health and Social Care spokesperson says: “We are working closely with NHS England.”',
    [['We are working closely with NHS England.', 'direct', 'A Department of Health and Social Care spokesperson', null]]],
  ['keeps two people joined by "and" apart: the cue takes the nearer one',
    '“We won,” Biden and Harris said.',
    [['We won,', 'direct', 'Harris', null]]],
  ['gives a titled leader known only by surname the data country ("President Xi"), but not a namesake with another given name',
    '“We will act,” President Xi said. “We will build,” Mayor Brandon Johnson said.',
    [['We will act,', 'direct', 'Xi', 'CN'], ['We will build,', 'direct', 'Brandon Johnson', null]]],
  ['reads a capitalised adjective and one noun as an organisation ("National Grid said"), not a person named "Grid"',
    '“We have enough supply,” National Grid said. “We will act,” Foreign Minister Lavrov said.',
    [['We have enough supply,', 'direct', 'National Grid', null], ['We will act,', 'direct', 'Lavrov', null]]],
  ['resolves "they said" to a group that was a sentence subject ("Police officers searched …")',
    'Police officers searched the house on Monday. “We found nothing,” they said.',
    [['We found nothing,', 'direct', 'Police officers', null]]],
  ['resolves "they said" to the latest organisation when no group was named',
    'The Environment Agency issued new warnings. “Our teams worked through the night,” they said.',
    [['Our teams worked through the night,', 'direct', 'Environment Agency', null]]],
  ['reads present-tense and social-media cues ("tells the BBC", "concedes", "posted on X")',
    'Sarah Jones runs a bakery in Leeds. “We will not give up,” she tells the BBC. “It was a mistake,” Mr. Smith concedes. “The numbers are wrong,” Smith posted on X.',
    [['We will not give up,', 'direct', 'Sarah Jones', null], ['It was a mistake,', 'direct', 'Smith', null], ['The numbers are wrong,', 'direct', 'Smith', null]]],
  ['reads "the 45-year-old said" as the latest person',
    'Maria Lopez, 45, lost her job in May. “We are ready to start again,” the 45-year-old said.',
    [['We are ready to start again,', 'direct', 'Maria Lopez', null]]],
  ['skips a party and state tag between a name and its cue ("Sen. Lindsey Graham, R-S.C., told reporters")',
    '“I cannot say more today,” Sen. Lindsey Graham, R-S.C., told reporters.',
    [['I cannot say more today,', 'direct', 'Lindsey Graham', null]]],
  ['keeps "the moderator said" a description when the text gave nobody that role, instead of handing it to the latest person named',
    'Donald Trump spoke to reporters after the debate. “Time is up,” the moderator said.',
    [['Time is up,', 'direct', 'the moderator', null]]],
  ['skips an age before a relative clause ("Kim, 34, who asked …, said")',
    'Kim, 34, who asked that her surname not be used, said she was afraid. “Nobody listens,” she said.',
    [['Nobody listens,', 'direct', 'Kim', null]]],
  ['keeps stacked abbreviated military titles in the speaker phrase after the cue ("said Brig. Gen. Jane Roe")',
    '“We hold the line,” said Brig. Gen. Jane Roe, a senior Canadian army commander.',
    [['We hold the line,', 'direct', 'Jane Roe', 'CA']]],
  ['keeps an abbreviated title before the cue and the sentence whole ("Lt. Col. John Smith told")',
    '“We hold the line,” Lt. Col. John Smith told reporters. “There is no retreat.”',
    [['We hold the line,', 'direct', 'John Smith', null], ['There is no retreat.', 'direct', 'John Smith', null]]],
  ['reads an abbreviated diplomatic title before the name ("Amb. Linda Green said")',
    '“We talk every day,” Amb. Linda Green said.',
    [['We talk every day,', 'direct', 'Linda Green', null]]],
  ['reads an abbreviated academic title after the cue ("said Prof. Ann Lee of …")',
    'The study was published on Monday. “It works,” said Prof. Ann Lee of the University of Toronto.',
    [['It works,', 'direct', 'Ann Lee', null]]],
  ['gives a speaker with no role the country of a city dateline ("CHICAGO —")',
    'CHICAGO — Snow closed schools across the city on Monday.\n\n“We could not even open the door,” said Maria Lopez.',
    [['We could not even open the door,', 'direct', 'Maria Lopez', 'US']]],
  ['reads a dateline with a country and an agency ("ODESA, Ukraine (AP) —") for a speaker with no role',
    'ODESA, Ukraine (AP) — Drones struck the port overnight.\n\n“We are tired of this,” said Olena Koval.',
    [['We are tired of this,', 'direct', 'Olena Koval', 'UA']]],
  ['reads a capital dateline with an agency and a hyphen ("LONDON (Reuters) -")',
    'LONDON (Reuters) - Prices rose again in March.\n\n“It is hard to plan,” said Tom Baker.',
    [['It is hard to plan,', 'direct', 'Tom Baker', 'GB']]],
  ['gives a speaker with no role no country without a dateline',
    'Snow closed schools across the city on Monday.\n\n“We could not even open the door,” said Maria Lopez.',
    [['We could not even open the door,', 'direct', 'Maria Lopez', null]]],
  ['attributes a quote to the speaker named in the next sentence ("“…” That was the message from …")',
    'The talks ended without a deal.\n\n“We will not back down.” That was the message from Spanish Defense Minister Ana Ruiz on Tuesday.',
    [['We will not back down.', 'direct', 'Ana Ruiz', 'ES']]],
  ['attributes a quote to the speaker after "The remark came from" in the next sentence',
    'The talks ended without a deal.\n\n“Nobody here wants a war.” The remark came from Peter Holm, a Danish diplomat.',
    [['Nobody here wants a war.', 'direct', 'Peter Holm', 'DK']]],
  ['attributes a quote to the speaker after "Those were the words of" in the next sentence',
    'The vote was close.\n\n“History will judge us.” Those were the words of Senator Ruth Calder, a Scottish nationalist.',
    [['History will judge us.', 'direct', 'Ruth Calder', 'GB']]],
  ['attributes a quote to the speaker of "So said …" opening the next sentence',
    'The debate ran late.\n\n“We will not back down.” So said Prime Minister Keir Starmer on Tuesday.',
    [['We will not back down.', 'direct', 'Keir Starmer', 'GB']]],
  ['reads a name after a description and before the colon that opens the quote ("said its chairman, Jim Ross: “…”")',
    'The board met on Friday. So said its chairman, Jim Ross: “We will sell the plant.”',
    [['We will sell the plant.', 'direct', 'Jim Ross', null]]],
  ['reads a capital dateline whose name has a small word ("RIO DE JANEIRO —") for a speaker with no country',
    'RIO DE JANEIRO — Fires spread across the state.\n\n“The smoke reached the coast,” said Ana Souza.',
    [['The smoke reached the coast,', 'direct', 'Ana Souza', 'BR']]],
  ['keeps the cue after a quote over a pointing-back cue in the sentence after it',
    '“We will not back down,” said Tom Hill, a Canadian diplomat. That was the message from the allies too.',
    [['We will not back down,', 'direct', 'Tom Hill', 'CA']]],
  ['lets "Ms." outrank a given-name list that calls the name a man\'s ("Ms. Jean Martin … she said")',
    'Ms. Jean Martin met Paul Roy in Lyon. Roy left early.\n\n“We agreed on very little,” she said.',
    [['We agreed on very little,', 'direct', 'Jean Martin', null]]],
  ['gives "he" a person whose given name the lists disagree on ("Andrea" is a man in Italian, a woman in English)',
    'Andrea Costa met Maria Bianchi in Rome on Monday.\n\n“We will meet again in May,” he said.',
    [['We will meet again in May,', 'direct', 'Andrea Costa', null]]],
  ['lets an earlier "he" for the same person decide a later one',
    'Nicola Ferri spoke first. “We are ready,” he said. Anna Conti spoke next.\n\n“The rest is up to Brussels,” he added.',
    [['We are ready,', 'direct', 'Nicola Ferri', null], ['The rest is up to Brussels,', 'direct', 'Nicola Ferri', null]]],
  ['never takes a party and state tag for a person a later "she" could mean ("Rep. Gloria Banks, D-Texas, called …")',
    'Rep. Gloria Banks, D-Texas, called the plan “a slap in the face” on Friday.\n\n“The numbers do not add up,” she said.',
    [['a slap in the face', 'partial', 'Gloria Banks', null], ['The numbers do not add up,', 'direct', 'Gloria Banks', null]]],  ['reads the British councillor abbreviation as a title, not part of the name ("Cllr Nigel Brandreth")',
    'The opposition leader, Cllr Nigel Brandreth, voted against. “They have had four years,” he said.',
    [['They have had four years,', 'direct', 'Nigel Brandreth', null]]],  ['keeps a relative with the same surname apart from a person already known by surname alone ("Claire Dufresne" after "Dufresne")',
    'Raymond Dufresne denies the charges. Dufresne declined to answer questions. His wife, Claire Dufresne, spoke to reporters. “He will be vindicated,” she said.',
    [['He will be vindicated,', 'direct', 'Claire Dufresne', null]]],  ['reads sports positions as titles and a club name as an organisation ("Rovers substitute Danny Keogh", "Bramford Rovers")',
    'Bramford Rovers won again. Rovers substitute Danny Keogh scored late.\n\n‘I have been practising that,’ he said.',
    [['I have been practising that,', 'direct', 'Danny Keogh', null]]],
  ['takes a known surname before an age or a relative clause as the subject a later "he" means ("Keogh, whose …, was")',
    'Danny Keogh scored. Tom Hill praised him. Keogh, whose goal was his first, was still grinning.\n\n‘I have been practising that,’ he said.',
    [['I have been practising that,', 'direct', 'Danny Keogh', null]]],  ['knows a full name after a lower-case title anywhere in a sentence, so a later lone surname means that person ("tripped Rovers winger Jaden Okoye" … "Okoye")',
    'The defender tripped Rovers winger Jaden Okoye in the box. Tom Hill scored.\n\nOkoye saw it differently. ‘Ask the referee,’ he said.',
    [['Ask the referee,', 'direct', 'Jaden Okoye', null]]],
  ['reads the subject of "smiled and said" after a long opening clause ("Asked whether there had been contact, the winger smiled and said:")',
    'Rovers winger Jaden Okoye was fouled.\n\nAsked whether there had been contact, the winger smiled and said: ‘Ask the referee.’',
    [['Ask the referee.', 'direct', 'Jaden Okoye', null]]],  ['reads "the Poland international" as the latest person (a capped player), not an organisation',
    'Ashcombe defender Tomasz Wrona denied the foul. Wrona, 24, was adamant. ‘I did not touch him,’ the Poland international said.',
    [['I did not touch him,', 'direct', 'Tomasz Wrona', 'PL']]],  ['keeps a firm with an ampersand in the name between commas ("Another analyst, Tom Becker of Lindqvist & Partners, said")',
    'Another analyst, Tom Becker of Lindqvist & Partners, said the cut was "worse than feared."',
    [['worse than feared.', 'partial', 'Tom Becker', null]]],  ['attributes a quotation opened by a colon after a subject and a few words, with no cue verb ("Oyelaran was emphatic: “…”")',
    'Pressed by one analyst on whether the dividend was safe, Marcus Oyelaran was emphatic: "The dividend is not under review."',
    [['The dividend is not under review.', 'direct', 'Marcus Oyelaran', null]]],  ['reads a spelled-out age before a name in apposition ("Her daughter, nine-year-old Maisie, held …") as that person\'s description',
    'Jo Halloran organised the protest. Her daughter, nine-year-old Maisie, held a sign. Asked what she would miss, she said: “The story time on Saturdays.”',
    [['The story time on Saturdays.', 'direct', 'Maisie', null]]],  ['reads "as he puts it" before a quotation as a speech cue, but not "puts" without a quotation or clause',
    'Ewan Sutherland worries about the island becoming, as he puts it, “a suburb with a view.” He puts the kettle on.',
    [['a suburb with a view.', 'partial', 'Ewan Sutherland', null]]],  ['gives a quotation with no cue the subject of a short sentence just before it ("He pauses. “…”")',
    'Ewan Sutherland farms the north side. Anna Bain runs the shop.\n\nSutherland looks at the sea. He pauses. “I think money does that job now.”',
    [['I think money does that job now.', 'direct', 'Ewan Sutherland', null]]],
  ['skips an age aside with "now" or "aged" between a surname and its cue ("Hale, now 91, said")',
    'Dennis Hale sat on the committee.\n\n“We had already said no twice,” Hale, now 91, said.',
    [['We had already said no twice,', 'direct', 'Dennis Hale', null]]],
  ['reads grandchildren, nieces, cousins and the like as relations that introduce a person ("Her granddaughter Emily Kerrigan … laughed", then "she said")',
    'Claire Denholm swam at the Olympics.\n\nHer granddaughter Emily Kerrigan, 31, laughed at the memory.\n\n“She once made a boy get back in,” she said.',
    [['She once made a boy get back in,', 'direct', 'Emily Kerrigan', null]]],
  ['gives a quotation with no cue the person a "That’s …" sentence after it introduces, with a lower-case role ("“…”\\n\\nThat’s glaciologist Annika Brunner.")',
    'The glacier is shrinking.\n\n“When I was a student, we walked onto the ice.”\n\nThat’s glaciologist Annika Brunner of the institute. That’s the problem.',
    [['When I was a student, we walked onto the ice.', 'direct', 'Annika Brunner', null]]],
  ['keeps a quotation after its speaker’s earlier one in the paragraph, not the next paragraph’s "According to …"',
    'Volunteers drive to the front every week.\n\n“People think the front is a line,” Mykyta Hrytsenko said. “It is not a line.”\n\nAccording to the United Nations, attacks have increased sharply this month.',
    [['People think the front is a line,', 'direct', 'Mykyta Hrytsenko', null], ['It is not a line.', 'direct', 'Mykyta Hrytsenko', null],
      ['attacks have increased sharply this month', 'indirect', 'United Nations', 'UN']]],
  ['gives a quotation with no cue the subject of a short beat that is a paragraph of its own ("She pauses.\\n\\n“…”")',
    'Annika Brunner packs her drill.\n\nShe pauses.\n\n“I’m not sad when I’m here.”',
    [['I’m not sad when I’m here.', 'direct', 'Annika Brunner', null]]],
  ['reads "the governor-elect" (and mayor-, senator-, chancellor-elect) as a title, so a one-word quotation before it is speech, not a scare quote',
    'Voters queued for hours.\n\nDemocrat Elaine Hartwell won the race for governor.\n\nAsked what she would do first, she smiled.\n\n“Sleep,” the governor-elect said. “Then budget.”',
    [['Sleep,', 'direct', 'the governor-elect', null], ['Then budget.', 'direct', 'the governor-elect', null]]],
  ['keeps "and" inside an organisation’s name that ends in an organisation noun ("a spokesperson for the Cybersecurity and Infrastructure Security Agency")',
    'Federal agencies were alerted.\n\nA spokesperson for the Cybersecurity and Infrastructure Security Agency said the agency was “in contact with Northwind.”',
    [['in contact with Northwind.', 'partial', 'A spokesperson for the Cybersecurity and Infrastructure Security Agency', null]]],
  ['takes a definite description as sentence subject ("the mayor posted again") for the known person with that role, the antecedent of a later "she wrote"',
    'Crowds gathered outside city hall.\n\nMayor Carla Reid wrote about overtime. Kim Marchetti answered for the union.\n\nLate Wednesday, the mayor posted again.\n\n“Meeting Friday,” she wrote.',
    [['Meeting Friday,', 'direct', 'Carla Reid', null]]],
  ['takes no antecedent from the subject of a sentence inside a quotation ("“A decade ago, a senior official would have …”")',
    'Crowds gathered outside city hall.\n\nA city official, Tom Hale, briefed reporters.\n\n“A decade ago, a senior official would have leaked it,” Mayor Carla Reid said.\n\n“We are talking,” the official said.',
    [['A decade ago, a senior official would have leaked it,', 'direct', 'Carla Reid', null], ['We are talking,', 'direct', 'Tom Hale', null]]],
  ['drops a nickname in marks between a given name and a surname, even in a headline ("Margaret ‘Peggy’ Allbright dies at 94"), which is no quotation',
    'Margaret ‘Peggy’ Allbright dies at 94\n\nShe taught a town to swim. “She was fearless,” her son said.',
    [['She was fearless,', 'direct', 'her son', null]]],
  ['gives a quotation paragraph with no cue the latest subject of the paragraph before, when that paragraph has no quotation or cue ("Annika Brunner packs her drill. …\\n\\n“…”")',
    'The glacier is shrinking.\n\nBack at the glacier, Annika Brunner packs her drill into a rucksack. A light snow has started to fall.\n\n“People ask me if I’m sad, doing this job.”',
    [['People ask me if I’m sad, doing this job.', 'direct', 'Annika Brunner', null]]],
  ['takes the name after a dash that signs a quotation at the end of its line ("“…” ― Pamela Padilla"), line by line in a block of one-line paragraphs',
    'The debate drew many letters.\n\n“He is ignorant of our culture and lives. He makes simple blanket statements about people he knows nothing about.” ― Pamela Padilla\n“Trump must stop portraying Latinos as dangerous gangsters when most of us are hard-working, tax-paying entrepreneurs.”— Carla Sanchez.',
    [['He is ignorant of our culture and lives. He makes simple blanket statements about people he knows nothing about.', 'direct', 'Pamela Padilla', null],
      ['Trump must stop portraying Latinos as dangerous gangsters when most of us are hard-working, tax-paying entrepreneurs.', 'direct', 'Carla Sanchez', null]]],
  ['takes no signature from a dash in running prose after a quotation ("” — and Reid, who …")',
    'The vote failed.\n\n“We will try again,” Senator Ann Park said — and Mark Reid, who voted no, smiled.',
    [['We will try again,', 'direct', 'Ann Park', null]]],
  ['skips a party tag in brackets on either side of the cue ("Rep. Gwen Moore (D-Wis.) said", "added Rep. Jim Clyburn (D-S.C.), the assistant leader")',
    'The vote came late.\n\n“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday. “I have been thinking,” added Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus.',
    [['It is a dog whistle,', 'direct', 'Gwen Moore', null], ['I have been thinking,', 'direct', 'Jim Clyburn', null]]],
  ['reads "Del." as a title, not a sentence end, and "host" as a role ("said Del. Stacey Plaskett", "said MSNBC host Chris Matthews")',
    'The hearing ran long.\n\n“This is a waste of time,” said Del. Stacey Plaskett.\n\n“I thought Pence did well,” said MSNBC host Chris Matthews.',
    [['This is a waste of time,', 'direct', 'Stacey Plaskett', null], ['I thought Pence did well,', 'direct', 'Chris Matthews', null]]],
  ['names an organisation whole when an organisation noun and a preposition open it ("the Association of Flight Attendants", "Bank of America")',
    'The union backed her.\n\n“We are ready,” the Department of Justice said. “Fine,” said Bank of America.\n\nThe Association of Flight Attendants called Clinton a “champion” for its members.',
    [['We are ready,', 'direct', 'Department of Justice', null], ['Fine,', 'direct', 'Bank of America', 'US'], ['champion', 'partial', 'Association of Flight Attendants', null]]],
  ['skips a bare age and a chain of asides between the subject and the cue ("Quina Jones, 25, said", "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said")',
    'Crowds marched.\n\n"They are trying to slap us in the face," Quina Jones, 25, said as she walked on.\n\n“It is an invasion of the state domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing, said in a statement.',
    [['They are trying to slap us in the face,', 'direct', 'Quina Jones', null], ['It is an invasion of the state domain,', 'direct', 'Scott Pruitt', null]]],
  ['keeps the determiner of an organisation known only by a common noun ("the commission says"), and gives its later mentions the same speaker',
    'The debate ended.\n\n“There were issues with the audio,” the commission says. “We are looking into it,” the commission added.',
    [['There were issues with the audio,', 'direct', 'the commission', null], ['We are looking into it,', 'direct', 'the commission', null]]],
  ['takes a document, a role noun or a group with its possessive as written for the speaker ("the letter reads", "the announcer said", "their attorneys said")',
    'The talks ended.\n\n“Our children are thriving,” the letter reads.\n\n“It is 3 a.m.,” the announcer said.\n\n“More questions than answers,” their attorneys said.',
    [['Our children are thriving,', 'direct', 'the letter', null], ['It is 3 a.m.,', 'direct', 'the announcer', null], ['More questions than answers,', 'direct', 'their attorneys', null]]],
  ['reads "for" and an outlet after a name as the speaker\'s employer, not as the name ("wrote Cameron Easley for Morning Consult"), and keeps an office ("High Commissioner for Refugees Filippo Grandi")',
    'The poll came out.\n\n“The impact is small,” wrote Cameron Easley for Morning Consult.\n\n“We need help,” said High Commissioner for Refugees Filippo Grandi.',
    [['The impact is small,', 'direct', 'Cameron Easley', null], ['We need help,', 'direct', 'Filippo Grandi', null]]],
  ['reads a nickname in marks inside a name and a party tag before the asides as parts of the name ("Marcia “Cia” Price (D-Newport News), shouted", "James “Whitey” Bulger said")',
    'The crowd cheered.\n\n“This is a big year for Bobby Scott!” Scott’s niece, state Del. Marcia “Cia” Price (D-Newport News), shouted to the crowd.\n\n“We won,” James “Whitey” Bulger said.',
    [['This is a big year for Bobby Scott!', 'direct', 'Marcia “Cia” Price', null], ['We won,', 'direct', 'James “Whitey” Bulger', null]]],
  ['reads a description that opens a sentence and that no one holds ("The GOP nominee complained") as the person named most so far, and "he" after it too',
    'Donald Trump spoke in Michigan.\n\nTrump said the polls were wrong. “We are winning,” Trump said.\n\n“I am fit,” said Libertarian candidate Gary Johnson.\n\nThe GOP nominee complained about his mic.\n\nHe called the debate “rigged.”',
    [['said the polls were wrong', 'indirect', 'Donald Trump', null], ['We are winning,', 'direct', 'Donald Trump', null], ['I am fit,', 'direct', 'Gary Johnson', null], ['rigged.', 'partial', 'Donald Trump', null]]],
  ['reads every form of a framing verb, and verbs that rate or cite, as speech around a short quotation ("is describing as “unhinged”", "rated the claim as “mostly false.”", "cited the poll as “proof”")',
    'The debate ended.\n\nHillary Clinton is describing as “unhinged” a Donald Trump tweet.\n\nPolitiFact rated the claim as “mostly false.”\n\nTrump cited the poll as “proof” of his lead.',
    [['unhinged', 'partial', 'Hillary Clinton', null], ['mostly false.', 'partial', 'PolitiFact', null], ['proof', 'partial', 'Trump', null]]],
  ['reads the base form of a framing verb too ("Obama and Clinton call them “lone wolves”")',
    'Terror struck again.\n\nWhen terrorists are revealed, Obama and Clinton call them "lone wolves" and describe their actions as crimes.',
    [['lone wolves', 'partial', 'Clinton', null]]],
  ['reads British titles written without a full stop as titles, not names ("said Prof Zhang Wei", "Det Insp Jane Cole said")',
    'The talks went on.\n\n“It is a signal to Washington,” said Prof Zhang Wei of Fudan University.\n\n“We are looking for witnesses,” Det Insp Jane Cole said.',
    [['It is a signal to Washington,', 'direct', 'Zhang Wei', null], ['We are looking for witnesses,', 'direct', 'Jane Cole', null]]],
  ['reads a name after a cue and "that" as the subject of the reported clause, not the speaker, who is the sentence\'s subject ("said in the letter that the ad “…” suggests that Phoenix …", "saying that Charlotte officials should …")',
    'The city objected.\n\nCity Attorney Brad Holm said in the letter that the advertisement “unmistakably and wrongfully” suggests that Phoenix and its officers support Trump.\n\nHillary Clinton chimed in on Twitter, saying that Charlotte officials should release the videos “without delay.”',
    [['unmistakably and wrongfully', 'partial', 'Brad Holm', null], ['without delay.', 'partial', 'Hillary Clinton', null]]],
  ['reads a region or city as a place, never as the person a later "he" means ("Battleground state Florida has moved", "New York has voted")',
    'The race tightened.\n\nDonald Trump spoke in Ohio.\n\nBattleground state Florida has moved toward him. New York has voted for Democrats for decades.\n\nHe called the media “dishonest.”',
    [['dishonest.', 'partial', 'Donald Trump', null]]],
  ['reads a title in title case after a word that introduces a work or a broadcaster\'s possessive as a title, not a quotation ("on “Fox News Sunday,”", "MSNBC’s “Morning Joe”", "the documentary “13th”")',
    'The week ended.\n\nOn this weekend’s broadcast of “Fox News Sunday,” Mike Pence said the tweet was a joke. He spoke on MSNBC’s “Morning Joe” and praised the documentary “13th.”\n\n“It was a joke,” Pence said.',
    [['It was a joke,', 'direct', 'Mike Pence', null]]],
  ['skips any adverb in "-ly" between the speaker and the cue ("Gingrich cynically dismissed", "Warren angrily said"), but not a noun in "-ly" ("the family said")',
    'The race went on.\n\nIn July, Newt Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg.”\n\n“This is a disgrace,” Elizabeth Warren furiously declared.',
    [['suburbs of St. Petersburg.', 'partial', 'Newt Gingrich', null], ['This is a disgrace,', 'direct', 'Elizabeth Warren', null]]],
  ['gives each paragraph of a transcript quoted in news to its label, and an unlabelled one to the turn before ("\"WALLACE: …", "\"PENCE: …")',
    'On Sunday, Gov. Mike Pence said the tweet was a joke.\n\nPartial transcript as follows:\n\n"WALLACE: Why would Trump do that?\n\n"PENCE: Well, look, it was a joke.\n\n"But the truth is that he is focused.\n\n"WALLACE: Thank you.',
    [['said the tweet was a joke', 'indirect', 'Mike Pence', null],
      ['WALLACE: Why would Trump do that?', 'direct', 'Wallace', null], ['PENCE: Well, look, it was a joke.', 'direct', 'Mike Pence', null],
      ['But the truth is that he is focused.', 'direct', 'Mike Pence', null], ['WALLACE: Thank you.', 'direct', 'Wallace', null]]],
  ['knows a person named in full anywhere in prose ("two voters, Tyresha McClenney and Bryan Anderson, who …"), so a later lone surname as subject ("Anderson largely agreed") and the "he" after it mean that person, named in full',
    'Clinton spoke in Ohio.\n\n“We will win,” Bill Clinton said.\n\nThe mood is muted among two voters, Tyresha McClenney and Bryan Anderson, who saw the rally.\n\nAnderson largely agreed with McClenney.\n\n“A lot of her attempts come across as pandering,” he said.',
    [['We will win,', 'direct', 'Bill Clinton', null], ['A lot of her attempts come across as pandering,', 'direct', 'Bryan Anderson', null]]],
  ['reads a participle after a comma as a cue whose speaker is the clause\'s subject ("…, adding that it would take “more hours”", "…, insisting that the bill was “dead on arrival.”"), and after "is" as the subject\'s verb ("Trump is promising … “jobs, jobs, jobs,”")',
    'The debate neared.\n\nAna Ruiz spoke at a news conference, adding that it would take “more hours” before details emerge.\n\nSenator Tim Cole spoke for an hour, insisting that the bill was “dead on arrival.”\n\nDonald Trump is promising lower taxes and “jobs, jobs, jobs,” but he has also intensified his attacks.',
    [['more hours', 'partial', 'Ana Ruiz', null], ['dead on arrival.', 'partial', 'Tim Cole', null], ['jobs, jobs, jobs,', 'partial', 'Donald Trump', null]]],
  ['resolves a definite description with a proper noun in it ("the Republican nominee", "the Indiana governor") only to someone the text gave that word, and otherwise keeps the description as the speaker',
    'The race tightened.\n\n“We will win,” said Democratic nominee Hillary Clinton.\n\nThe Republican nominee said he would punish “those who break the rules.”\n\nThe Indiana governor said the media focus on “he said this, he tweeted that.”',
    [['We will win,', 'direct', 'Hillary Clinton', null], ['those who break the rules.', 'partial', 'the Republican nominee', null], ['he said this, he tweeted that.', 'partial', 'the Indiana governor', null]]],
  ['after "…,” said", reads a modifier, a lower-case role noun and a full name as that person ("said Sanders ally Nina Ortiz", "said Labour party boss Dale Whitt"), not as the modifier',
    'The count went on.\n\n“We never doubted it,” said Sanders ally Nina Ortiz.\n\n“The turnout was strong,” said Labour party boss Dale Whitt, who spoke last.',
    [['We never doubted it,', 'direct', 'Nina Ortiz', null], ['The turnout was strong,', 'direct', 'Dale Whitt', null]]],
  ['reads the subject across a short aside ("Okafor, visibly tired, replied", "Brandt, meanwhile, told") and a role without an article ("Lena Park, director of the Pine Institute, calls …")',
    'The hearing ran late.\n\nMara Okafor, visibly tired, replied: “We have answered every question.”\n\nJonas Brandt, meanwhile, told the board that he would vote no because “the numbers do not add up.”\n\nLena Park, director of the Pine Institute, calls the plan “a gamble” for the county.',
    [['We have answered every question.', 'direct', 'Mara Okafor', null], ['the numbers do not add up.', 'partial', 'Jonas Brandt', null], ['a gamble', 'partial', 'Lena Park', null]]],
  ['takes a span of time opening the sentence ("Days later, …") for no subject of a participle cue',
    'The deal was signed.\n\nDays later, Priya Nair thanked the mayor, telling reporters, “This city keeps its word.”',
    [['This city keeps its word.', 'direct', 'Priya Nair', null]]],
  ['gives a headline-style line "Name: ‘…’" to the person the label names, resolved to the full name the article gives',
    'Okafor: ‘We Will Rebuild The Port.’\n\nMayor Ada Okafor spoke to dock workers on Monday in the rain.',
    [['We Will Rebuild The Port.', 'heading', 'Ada Okafor', null]]],
  ['reads verbs of the manner of speaking as cues ("Ortiz scoffed", "Brandt interjected, “…”")',
    'The council met.\n\n“We need the money,” said Mayor Lena Park.\n\n“That is a fantasy,” Councillor Mara Ortiz scoffed.\n\nCouncillor Jonas Brandt interjected: “Let her finish.”',
    [['We need the money,', 'direct', 'Lena Park', null], ['That is a fantasy,', 'direct', 'Mara Ortiz', null], ['Let her finish.', 'direct', 'Jonas Brandt', null]]],
  ['keeps a short possessive before a title in the description ("the ad’s narrator says")',
    'The campaign released an ad.\n\n“If he thinks that makes him smart,” the ad’s narrator says, “what does he think of you?”',
    [['If he thinks that makes him smart,', 'direct', 'the ad’s narrator', null], ['what does he think of you?', 'direct', 'the ad’s narrator', null]]],
  ['gives a fragment that someone casts another as ("Ruiz has been pounding the mayor as a “con artist”") to the clause\'s subject, and reads "such as “…”" as examples',
    'The race grew bitter.\n\n“We will win,” said Mayor Jonas Brandt.\n\nSenator Lena Ruiz has been pounding the mayor as a “con artist” for weeks.\n\nAides searched for words such as “fraud” and “bribe” in the files.',
    [['We will win,', 'direct', 'Jonas Brandt', null], ['con artist', 'partial', 'Lena Ruiz', null]]],
  ['takes a leader\'s lone surname opening a sentence ("Obama has …") for the person, who a later "he said" then means, not for the administration',
    'Caucus meets\n\nCivil rights groups had long wanted a meeting with Barack Obama before the summer.\n\n“We are used to delays,” said Rep. Jim Clyburn, the caucus leader.\n\nObama has record support among black voters. He pitched his plan again on Monday.\n\n“Look at what we have built,” he said in August.',
    [['We are used to delays,', 'direct', 'Jim Clyburn', null], ['Look at what we have built,', 'direct', 'Barack Obama', null]]],
  ['gives the words of a document to whoever issued it ("the Harbour Authority issued a statement calling the plan “reckless”")',
    'The plan was published on Monday.\n\nAfter a short meeting, the Harbour Authority issued a statement calling the plan “reckless” and “unfunded.”',
    [['reckless', 'partial', 'Harbour Authority', null], ['unfunded.', 'partial', 'Harbour Authority', null]]],
  ['gives a gerund after "by" or "after" to the clause\'s subject ("began by saying he would “never” …"), and reads "Name, a role, then …" as the name',
    'The hearing opened.\n\n“We are ready,” said Mayor Jonas Brandt.\n\nOkafor, a retired judge, then took the floor and began by saying she would “never” vote for the plan.',
    [['We are ready,', 'direct', 'Jonas Brandt', null], ['never', 'partial', 'Okafor', null]]],
  ['gives a quotation in a relative clause ("Lena Park, who in July called the plan “a fantasy,”") to the phrase the relative pronoun stands for, and a relative clause with no quotation ("a reporter who asked") to no one',
    'The council met.\n\nThe vote was close, and it angered Councillor Lena Park, who in July called the plan “a fantasy,” and the mayor.\n\n“We have the money,” said Mayor Jonas Brandt, cutting off a reporter who asked about the cost.',
    [['a fantasy,', 'partial', 'Lena Park', null], ['We have the money,', 'direct', 'Jonas Brandt', null]]],
  ['keeps the readers above to what they mean: a preposition after the speaker ("said Jones outside City Hall"), a name with "later" and no comma ("Trump later met …"), a place before an aside ("In Iowa, by contrast, says …"), the passive of "as" ("was widely seen as a “…”"), a topic as a label ("Brexit: ‘…’"), a relaying verb ("The Times published a statement calling …")',
    'Brexit: ‘Time Is Running Out’\n\nBrexit talks resumed in Brussels on Monday as deadlines neared.\n\n“We won,” said Jones outside City Hall.\n\nTrump later met donors and said the report was “fake news.”\n\nIn Iowa, by contrast, says pollster Ann Selzer, voters are “energized.”\n\nObama was widely seen as a “transformational” figure.\n\nThe Times published a statement calling the plan “reckless.”',
    [['Time Is Running Out', 'heading', null, null], ['We won,', 'direct', 'Jones', null], ['fake news.', 'partial', 'Trump', null], ['energized.', 'partial', 'Ann Selzer', null], ['reckless.', 'partial', 'a statement', null]]],
  ['reads a verb with its particle as a cue ("Okafor shot back, “…”", "Park pointed out that …"), and an infinitive after a verb its subject controls ("She went on to say …")',
    'The debate ran late.\n\n“We are broke,” said Mayor Jonas Brandt.\n\nCouncillor Mara Okafor shot back, “We are not.”\n\nShe went on to say that the plan was “a disaster.”\n\nCouncillor Lena Park pointed out that the budget was “not balanced.”',
    [['We are broke,', 'direct', 'Jonas Brandt', null], ['We are not.', 'direct', 'Mara Okafor', null], ['a disaster.', 'partial', 'Mara Okafor', null], ['not balanced.', 'partial', 'Lena Park', null]]],
  ['gives the words of a passive cue to its agent ("Park was asked by moderator Ann Lee whether …"), but "was quoted by" to its subject',
    'The forum ran late.\n\nCouncillor Lena Park was asked by moderator Ann Lee whether the plan risked “another expensive mistake.”\n\nMayor Jonas Brandt was quoted by the Herald as saying the plan was “sound.”',
    [['another expensive mistake.', 'partial', 'Ann Lee', null], ['sound.', 'partial', 'Jonas Brandt', null]]],
  ['reads "Name of the Institution said" as the person ("Prof Ada Byrne of the London School of Economics said"), and a possessive description ("The prime minister\'s official spokesman told …") as someone of its own, not the person named most',
    'Rail plan\n\nThe plan was published on Monday by the department.\n\nUnion leader Mick Dolan said the cuts were “a disgrace”. “This is an attack on working people,” Mr Dolan told the Guardian.\n\nThe prime minister\'s official spokesman told reporters: “The prime minister has full confidence in the plan.”\n\nProf Ada Byrne of the London School of Economics said it was “hard to see” how the savings would be made.',
    [['a disgrace', 'partial', 'Mick Dolan', null], ['This is an attack on working people,', 'direct', 'Mick Dolan', null], ['The prime minister has full confidence in the plan.', 'direct', "the prime minister's official spokesman", null], ['hard to see', 'partial', 'Ada Byrne', null]]],
  ['reads a long name with particles whole: the particles do not count toward the name\'s length ("Sheikh Khalid bin Saeed Al Nahyan")',
    'The summit opened.\n\n“We are doing everything possible,” said Sheikh Khalid bin Saeed Al Nahyan in a statement.',
    [['We are doing everything possible,', 'direct', 'Khalid bin Saeed Al Nahyan', null]]],
  ['gives "X quoted Y as saying" to the one quoted ("State news agency Norpress quoted Prime Minister Ana Ruiz as saying …")',
    'Talks stalled\n\nThe talks resumed on Monday in the capital.\n\nState news agency Norpress quoted Prime Minister Ana Ruiz as saying that the country would “never accept” the terms.',
    [['never accept', 'partial', 'Ana Ruiz', null]]],
  ['keeps the readers of "as saying" and passive agents to what they mean: an apposition after the one quoted ("quoted Senator Ana Ruiz, a Democrat, as saying"), an agent that only asked about something ("was asked by the Herald about …"), and "as saying" after no quoting verb ("remembered her father as saying"), which names no one',
    'Talks\n\nThe talks resumed on Monday in the capital city.\n\nThe Herald quoted Senator Ana Ruiz, a Democrat, as saying the plan was “a disaster.”\n\nRuiz was asked by the Herald about her remark that the plan was “a mess.”\n\nMara Lee remembered her father as saying politics was “a dirty game.”',
    [['a disaster.', 'partial', 'Ana Ruiz', null], ['a mess.', 'partial', 'Ana Ruiz', null]]],
];

describe('analyzeArticle on annotated examples', () => {
  it.each(rows)('%s', (_, text, expected) => {
    const analysis = analyzeArticle({ text });
    const found = analysis.quotes.map((quote) => [quote.text, quote.kind, quote.speaker?.name ?? null, quote.speaker?.country ?? null]);
    expect(found).toEqual(expected);
  });
});

describe('analyzeArticle on speaker roles', () => {
  it('ends a place after a name where a title-case headline goes on ("Prime Minister Kallas of Estonia Before Multilateral Meeting")', () => {
    const analysis = analyzeArticle('Remarks by President Biden and Prime Minister Kallas of Estonia Before Multilateral Meeting\n\nTHE PRESIDENT:  Welcome.\n\nPRIME MINISTER KALLAS:  Thank you.');
    const kallas = analysis.speakers.find((speaker) => speaker.name === 'Kallas');
    expect([kallas?.role, kallas?.country?.code]).toEqual(['Prime Minister; of Estonia', 'EE']);
  });
});

describe('analyzeArticle on quotations inside speech', () => {
  it('reads the tone of a turn without the quotation inside it, which counts for the person quoted', () => {
    const analysis = analyzeArticle('MS. PSAKI:  We are calm and grateful.  As Secretary Blinken said, “This is a terrible, horrible disaster.”\n\nQ  Why?');
    const [turn, quoted] = analysis.quotes;
    expect([turn?.kind, turn?.sentiment.positive, turn?.sentiment.negative]).toEqual(['turn', ['calm', 'grateful'], []]);
    expect([quoted?.speaker?.name, quoted?.sentiment.negative]).toEqual(['Blinken', ['terrible', 'horrible', 'disaster']]);
  });

  it('reports a short fragment the turn\'s speaker quotes from themselves ("We said it was “a grave mistake.”") as their quotation', () => {
    const analysis = analyzeArticle('MR. PRICE:  Good afternoon.  We said it was “a grave mistake.”\n\nQUESTION:  Why?');
    expect(analysis.quotes.map((quote) => [quote.kind, quote.text, quote.speaker?.name ?? null])).toEqual([
      ['turn', 'Good afternoon.  We said it was “a grave mistake.”', 'Price'],
      ['partial', 'a grave mistake.', 'Price'],
    ]);
  });

  it('keeps a first person\'s cue from turning scare quotes into the speaker\'s own ("I asked him about the “red line.”", "using the word “genocide.”")', () => {
    const analysis = analyzeArticle('MR. PRICE:  I asked him about the “red line.”  We told them to stop using the word “genocide.”\n\nQUESTION:  Why?');
    expect(analysis.quotes.map((quote) => quote.kind)).toEqual(['turn']);
  });

  it('takes a pronoun alone in marks for a word mentioned, not words spoken ("When I say “we,” I mean …")', () => {
    const analysis = analyzeArticle('MR. PRICE:  When I say “we,” I mean the alliance.\n\nQUESTION:  Why?');
    expect(analysis.quotes.map((quote) => quote.kind)).toEqual(['turn']);
  });

  it('reads the stance of a turn without the quotation inside it', () => {
    const analysis = analyzeArticle('MS. PSAKI:  We are ready.  As Secretary Blinken said, “Russia is waging a brutal and illegal war.”\n\nQ  Why?');
    const [turn, quoted] = analysis.quotes;
    expect(turn?.stance.map((stance) => stance.targetCountry)).toEqual([]);
    expect(quoted?.stance.map((stance) => [stance.targetCountry, stance.polarity])).toEqual([['RU', 'against']]);
  });
});

describe('analyzeArticle input', () => {
  it('extracts the main text of an HTML page and reports offsets into that text', () => {
    const html = `<!doctype html><html><head><title>Talks end</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Talks end</h1><p>Diplomats met in Geneva on Monday for talks that lasted most of the day and ended without agreement on any point.</p>
      <p>“We are ready to continue diplomacy,” U.S. National Security Adviser Jake Sullivan said Thursday, adding that the door remained open.</p>
      <p>Both sides said they would report back to their capitals before deciding on further meetings in the coming weeks.</p></article>
      <footer>Subscribe to our newsletter</footer></body></html>`;
    const analysis = analyzeArticle({ text: html });
    const quote = analysis.quotes.find((q) => q.kind === 'direct');
    expect(quote && analysis.text.slice(quote.start, quote.end)).toBe('We are ready to continue diplomacy,');
    expect(quote?.speaker?.name).toBe('Jake Sullivan');
    expect(analysis.title).toBe('Talks end');
    expect(analysis.text).not.toContain('Subscribe');
  });

  it('falls back on a source that is an institution for a speaker with a role and no country', () => {
    const analysis = analyzeArticle({ text: 'MODERATOR:  Go ahead.\n\nSENIOR ADMINISTRATION OFFICIAL:  Thanks.', source: 'The White House (Briefing Room)' });
    expect(analysis.quotes.map((q) => [q.speaker?.name, q.speaker?.country])).toEqual([['Moderator', 'US'], ['Senior Administration Official', 'US']]);
  });

  it.each([
    ['a number', 42, /must be a string or an object/],
    ['an object without text', { title: 'x' }, /"text" must be a string, found undefined/],
    ['a title that is not a string', { text: 'a', title: 3 }, /"title" must be a string when present, found a number/],
  ])('rejects %s with a clear error', (_, input, message) => {
    expect(() => analyzeArticle(input as never)).toThrow(message);
  });
});

describe('analyzeArticle on a wire-style article written for these tests', () => {
  it('finds every quotation with its speaker and country', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./fixtures/wire-style-article.txt', import.meta.url), 'utf8');
    const analysis = analyzeArticle({ text });
    expect(analysis.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null, q.speaker?.country ?? null])).toEqual([
      ['indirect', 'urged Western allies to speed ', 'Volodymyr Zelensky', 'UA'],
      ['direct', 'Every day of delay means more ', 'Volodymyr Zelensky', 'UA'],
      ['indirect', 'said the deliveries would only', 'Kremlin', 'RU'],
      ['direct', 'Pumping weapons into Ukraine w', 'Dmitry Peskov', 'RU'],
      ['partial', 'ready for talks', 'Dmitry Peskov', 'RU'],
      ['partial', 'for as long as it takes', 'Antony Blinken', 'US'],
      ['direct', 'We are not going anywhere,', 'Antony Blinken', 'US'],
      ['direct', 'The West is running out of art', 'Michael Kofman', 'US'],
      ['indirect', 'said the front line was unlike', 'Michael Kofman', 'US'],
      ['direct', 'It\'s a war of attrition now,', 'Michael Kofman', 'US'],
      ['direct', 'Whoever runs out first loses.', 'Michael Kofman', 'US'],
      ['direct', 'We continue to support Ukraine', 'A spokesperson for the UK Ministry of Defence', 'GB'],
      ['direct', 'Dialogue and negotiation are t', 'Wang Wenbin', 'CN'],
      ['indirect', 'more than 8 million refugees h', 'United Nations', 'UN'],
      ['direct', 'This is the largest displaceme', 'Filippo Grandi', 'UN'],
    ]);
    expect(analysis.boilerplate.map((span) => text.slice(span.start, span.end))).toEqual(['Related Topics', 'Share this page']);
  });
});

describe('analyzeArticle on a newspaper-style article written for these tests', () => {
  it('reads honorifics, names between commas, "of Kentucky", initials, the dateline, "Its spokeswoman" and "Officials in Brussels"', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./fixtures/newspaper-style-article.txt', import.meta.url), 'utf8');
    const analysis = analyzeArticle({ text });
    expect(analysis.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null, q.speaker?.country ?? null])).toEqual([
      ['direct', 'Today we send a clear message ', 'Chuck Schumer', 'US'],
      ['direct', 'America will not abandon its f', 'Chuck Schumer', 'US'],
      ['partial', 'long overdue.', 'Mitch McConnell', 'US'],
      ['direct', 'We cannot keep writing blank c', 'J.D. Vance', 'US'],
      ['indirect', 'said the first shipments could', 'A senior administration official', 'US'],
      ['direct', 'We have the stocks ready,', 'A senior administration official', 'US'],
      ['direct', 'Thank you, America,', 'Dmytro Kuleba', 'UA'],
      ['partial', 'only prolong the agony', 'Maria Zakharova', 'RU'],
      ['direct', 'The responsibility for the con', 'Maria Zakharova', 'RU'],
      ['indirect', 'said the European Union would ', 'Officials in Brussels', 'BE'],
    ]);
    expect(analysis.speakers.find((s) => s.name === 'Chuck Schumer')?.country).toEqual({ code: 'US', rule: 'dateline', confidence: 0.3, evidence: 'WASHINGTON —' });
  });
});

describe('analyzeArticle on an agency-style article written for these tests', () => {
  it('reads the agency dateline, particles in names, anonymous sources and "Its foreign minister"', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./fixtures/agency-style-article.txt', import.meta.url), 'utf8');
    const analysis = analyzeArticle({ text });
    expect(analysis.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null, q.speaker?.country ?? null])).toEqual([
      ['indirect', 'European Union governments agr', 'three diplomats', null],
      ['direct', 'This is a strong signal of uni', 'Ursula von der Leyen', 'EU'],
      ['indirect', 'told reporters in Budapest tha', 'Peter Szijjarto', 'HU'],
      ['direct', 'We have protected the interest', 'Peter Szijjarto', 'HU'],
      ['direct', 'Sanctions have never worked an', 'Peskov', null],
      ['partial', 'in its own interests', 'Peskov', null],
      ['indirect', 'said the package also targets ', 'A source familiar with the negotiations', 'EU'],
      ['direct', 'We expect the legal acts to be', 'an EU official', 'EU'],
      ['direct', 'Europe stands together,', 'Olaf Scholz', 'DE'],
      ['indirect', 'said the next package could ta', 'diplomats', null],
    ]);
  });
});

describe('analyzeArticle on a feature-style article written for these tests', () => {
  it('reads an age before an apposition, "she said" after a relative clause, an organisation in a statement and "A spokesman" of the institution before', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./fixtures/feature-style-article.txt', import.meta.url), 'utf8');
    const analysis = analyzeArticle({ text });
    expect(analysis.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null, q.speaker?.country ?? null])).toEqual([
      ['direct', 'We can’t survive like this,', 'Jean Dupont', 'FR'],
      ['direct', 'Every year there are more rule', 'Jean Dupont', 'FR'],
      ['indirect', 'said the government would anno', 'Gabriel Attal', 'FR'],
      ['direct', 'I have heard the anger,', 'Gabriel Attal', 'FR'],
      ['direct', 'We will act quickly.', 'Gabriel Attal', 'FR'],
      ['direct', 'Words are not enough,', 'FNSEA union', null],
      ['indirect', 'said 15 people were arrested', 'Police', null],
      ['indirect', 'said she had driven through th', 'Marie Laurent', 'FR'],
      ['direct', 'My children will not take over', 'Marie Laurent', 'FR'],
      ['direct', 'Why would they?', 'Marie Laurent', 'FR'],
      ['partial', 'to protect our soil and water ', 'Eric Mamer', 'EU'],
    ]);
    expect(analysis.speakers.find((s) => s.name === 'Jean Dupont')?.country?.rule).toBe('dateline');
  });
});

describe('analyzeArticle on a pronoun-heavy article written for these tests', () => {
  it('follows "she" and "he" through interleaved speakers and links the headline quote', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./fixtures/pronoun-chain-article.txt', import.meta.url), 'utf8');
    const analysis = analyzeArticle({ text });
    expect(analysis.quotes.map((q) => [q.kind, q.text.slice(0, 30), q.speaker?.name ?? null])).toEqual([
      ['heading', 'We were left with nothing', 'Sarah Mitchell'],
      ['indirect', 'said the first alert reached h', 'Sarah Mitchell'],
      ['direct', 'Nobody told us anything until ', 'Sarah Mitchell'],
      ['direct', 'We were left with nothing.', 'Sarah Mitchell'],
      ['direct', 'The council knew this could ha', 'Tom Birch'],
      ['direct', 'They have known for years.', 'Tom Birch'],
      ['direct', 'The Environment Agency issued ', 'Steve Barclay'],
      ['indirect', 'said the government had cut fl', 'Daniel Zeichner'],
      ['direct', 'Ministers have been warned aga', 'Daniel Zeichner'],
      ['indirect', 'said it had issued 40 flood wa', 'Environment Agency'],
      ['direct', 'Our teams worked through the n', 'A spokesperson'],
      ['indirect', 'said she did not know where he', 'Sarah Mitchell'],
      ['direct', 'We just want someone to take r', 'Sarah Mitchell'],
    ]);
  });
});
