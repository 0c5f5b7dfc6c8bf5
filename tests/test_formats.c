/* test_formats.c - the plain-text input formats, table-driven.
 *
 * Each row of docs[] is a real-looking document of tests/formats/ (a
 * README, a blog post, Outlook and Gmail messages, an mbox thread, a
 * pasted reply, a report as pdftotext gives it, SRT and WebVTT captions,
 * meeting and interview transcripts), read with the format told from its
 * content, and what must come of it: sentences with their exact clean text,
 * flags and label, and the input bytes their spans start and end with;
 * text that must be in no sentence (markup, code, headers, page furniture);
 * what the summary must not hold (quoted text, disclaimers, fillers).
 * Each row of snippets[] is one small behaviour of one reader, with its
 * format given. Every result also keeps the fuzz harness's invariants
 * (fuzz_check_result: spans in order, on character boundaries, texts and
 * labels valid UTF-8, ...).
 *
 * The expected texts were written from the documents, by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fuzz/fuzz.h"
#include "summarize.h"

static const char *docdir = "formats";

#define ANY_LABEL "*"
#define NO_LABEL "-"

typedef struct want {
    const char *text;     /* a sentence whose text is this (white space collapsed) */
    unsigned set, clear;  /* flags it has; flags it has not */
    const char *label;    /* NULL: not checked; NO_LABEL: none; ANY_LABEL: some */
    const char *from;     /* its span in the input starts with this (NULL: not checked) */
    const char *to;       /* ... and ends with this */
} want;

#define MAXW 12
typedef struct doccase {
    const char *file;
    summ_format format;       /* told from the content */
    want w[MAXW];
    const char *absent[10];   /* in no sentence's text */
    const char *not_summary[8];  /* in no sentence of the 3-sentence summary */
    unsigned warnings;        /* summ_result_warnings() */
} doccase;

#define OWN SUMM_FLAG_QUOTED | SUMM_FLAG_BOILERPLATE  /* "clear" of the author's own text */
#define Q SUMM_FLAG_QUOTED
#define B SUMM_FLAG_BOILERPLATE
#define H SUMM_FLAG_HEADING
#define L SUMM_FLAG_LIST_ITEM
#define F SUMM_FLAG_FILLER

static const doccase docs[] = {
    { "readme.md", SUMM_FORMAT_MARKDOWN,
      { { "tidewater", H, 0, NO_LABEL, "tidewater", "tidewater" },
        { "tidewater predicts tide heights for any port from its harmonic constants, offline "
          "and in microseconds.", 0, H, NULL, "tidewater** predicts", "microseconds." },
        { "Binaries for Linux, macOS and Windows are on the releases page.", 0, H, NULL,
          "Binaries", "[releases]." },
        { "To build from source you need Rust 1.70 or later; cargo build --release puts the "
          "binary in target/release/.", 0, 0, NULL, "To build", "`target/release/`." },
        { "--port NAME picks a port from the bundled list of 1,240 stations.", L, H, NULL,
          "--port NAME`", "stations." },
        { "--constants FILE reads your own constants instead (see the file format).", L, 0,
          NULL, "--constants FILE`", "(docs/format.md))." },
        { "Install", H, 0, NULL, "Install", "Install" },
        { "Always check the official tide tables before you go to sea.", 0, 0, NULL, NULL,
          NULL } },
      { "cargo install", "tidewater --port", "| M2", "28.984", "TODO", "shields.io", "![",
        "**", "newlyn.svg", "logo" },
      { "cargo install", "28.984" }, 0 },
    { "post.md", SUMM_FORMAT_MARKDOWN,
      { { "What we learned from a year of heat pumps", H, 0, NULL, "What", "pumps" },
        { "Setting it up", H, 0, NULL, "Setting", "up" },
        { "The heat pump used 4,150 kWh of electricity for the same heating and hot water, a "
          "seasonal coefficient of performance of about 3.2.", 0, H, NULL, "The heat",
          "3.2." },
        { "1. Bigger radiators.", L, 0, NULL, "1. **Bigger", "radiators." },
        { "Loft insulation topped up to 300 mm", L, 0, NULL, "Loft", "300 mm" },
        { "With outside temperatures down to \xe2\x88\x92" "6 \xc2\xb0" "C the pump kept the "
          "living room at 20 \xc2\xb0" "C, but its efficiency fell to 2.1 and it ran almost "
          "without a break.", 0, 0, NULL, "With", "break." },
        { "For the raw data see https://example.org/heatpump-data.csv or write to us at "
          "heatpump@example.org.", 0, 0, NULL, "For the raw", "example.org>." },
        { "Would we do it again?", 0, 0, NULL, "Would", "again?" } },
      { "layout: post", "tags:", "title:", "heat-pump.jpg", "[^1]", "curl", "&minus;", "[x]",
        "======" },
      { "curl" }, 0 },
    { "outlook-reply.eml", SUMM_FORMAT_EMAIL,
      { { "Database migration on Saturday", H, 0, "Karen Liu", "Database", "Saturday" },
        { "No data was lost.", 0, OWN, "Karen Liu", "No data", "lost." },
        { "Hi all,", B, 0, NULL, "Hi all,", "Hi all," },
        { "Best regards, Karen Liu", B, 0, NULL, "Best regards,", "Karen Liu" },
        { "If you are not the intended recipient, please notify the sender immediately and "
          "delete this message.", B, 0, NULL, "If you", "message." },
        { "Karen, are we still on for tonight?", Q, 0, NULL, "Karen, are", "tonight?" },
        { "Subject: Database migration on Saturday", Q, 0, NULL, NULL, NULL },
        { "Marco fixed the exporter on Sunday morning; the rate cache needs a config change "
          "that we will ship with Wednesday's release.", 0, OWN, NULL, NULL, NULL } },
      { "RE:", "DB9PR08MB1234", "MIME-Version", "quoted-printable", "To: Platform" },
      { "intended recipient", "Original Message", "still on for tonight", "Best regards",
        "Hi all", "rollback plan" }, 0 },
    { "gmail-multipart.eml", SUMM_FORMAT_EMAIL,
      { { "Grant report \xe2\x80\x93 second draft", H, 0, "Ana Silva Gon\xc3\xa7" "alves", NULL,
          NULL },
        { "Hi Tom,", B, 0, NULL, NULL, NULL },
        { "Could you fix both and send me the final version by Thursday?", 0, OWN,
          "Ana Silva Gon\xc3\xa7" "alves", NULL, NULL },
        { "Cheers, Ana", B, 0, NULL, NULL, NULL },
        { "On Mon, 4 Mar 2024 at 17:31, Tom Becker <tom.becker@uni-example.de> wrote:", Q, 0,
          NULL, NULL, NULL },
        { "attached is the second draft of the report.", Q, 0, NULL, NULL, NULL } },
      { "Re:", "<div", "JVBERi0", "text/html", "budget-v2.pdf", "=?UTF-8?" },
      { "second draft of the report", "letters of support", "Cheers" }, SUMM_WARN_SKIPPED },
    { "latin1-qp.eml", SUMM_FORMAT_EMAIL,
      { { "R\xc3\xa9novation de la m\xc3\xa9" "diath\xc3\xa8que", H, 0,
          "H\xc3\xa9l\xc3\xa8ne Martin", NULL, NULL },
        { "Bonjour Claire,", B, 0, NULL, "Bonjour", "Claire," },
        { "Le comit\xc3\xa9 a valid\xc3\xa9 hier le budget de la r\xc3\xa9novation de la "
          "m\xc3\xa9" "diath\xc3\xa8que.", 0, OWN, NULL, "Le comit=E9", "=E8=\nque." },
        { "Cordialement, H\xc3\xa9l\xc3\xa8ne", B, 0, NULL, NULL, NULL } },
      { "=E9", "=?iso" }, { "Cordialement", "Bonjour" }, 0 },
    { "thread.mbox", SUMM_FORMAT_EMAIL,
      { { "Spring clean-up of the river bank", H, 0, "Jonas Berg", NULL, NULL },
        { "Hello everyone,", B, 0, "Jonas Berg", NULL, NULL },
        { "-- Jonas Berg, Riverside Volunteers coordinator", B, 0, NULL, "-- ", "coordinator" },
        { "I can bring the first-aid kit and the two folding tables from the scout hut, and my "
          "daughter's class wants to come for the first hour.", 0, OWN, "Mei Tanaka", NULL,
          NULL },
        { "From what I saw last week, the worst part is below the footbridge, where the flood "
          "left a lot of plastic in the reeds.", 0, OWN, "Mei Tanaka", "From what", "reeds." },
        { "Mei Tanaka wrote:", Q, 0, "Jonas Berg", NULL, NULL },
        { "Thanks, Mei.", 0, Q, "Jonas Berg", NULL, NULL },
        { "Best, Jonas", B, 0, NULL, NULL, NULL } },
      { "[volunteers]", "Return-Path", "Message-ID", "Mon Apr  8", "In-Reply-To" },
      { "mailing list", "listinfo", "Mei Tanaka wrote", "Leave it better" }, 0 },
    { "pasted.txt", SUMM_FORMAT_EMAIL,
      { { "Lift outage in building B", H, 0, "Priya Raman", "Lift", "building B" },
        { "Hi team,", B, 0, NULL, NULL, NULL },
        { "Two people were inside; the fire brigade got them out at 4:05 and nobody was hurt.",
          0, OWN, "Priya Raman", "Two people", "hurt." },
        { "Sent from my iPhone", B, 0, NULL, NULL, NULL },
        { "Date: Thu, May 16, 2024 at 4:30 PM", B, 0, NULL, NULL, NULL },
        { "Our engineer attended at 15:40.", 0, OWN, NULL, NULL, NULL } },
      { "Sent: Thursday", "Cc: Daniel" }, { "Sent from my iPhone", "Forwarded", "Thanks," },
      0 },
    { "report.txt", SUMM_FORMAT_PDFTEXT,
      { { "2023 was the year our members' wind and solar parks produced more electricity "
          "than the cooperative's members used.", 0, 0, NO_LABEL, "2023 was", "used." },
        { "We used the surplus for debt reduction: the loans taken out for the Hollum wind "
          "park in 2019 fell from 38 to 29 million euros, and the interest we pay on them "
          "fell by a fifth.", 0, 0, NULL, "We used", "a fifth." },
        { "Its availability improved to 97 percent after the gearbox of turbine 4 was replaced "
          "in March, the first gearbox failure in the park's history.", 0, 0, NULL,
          "Its availability", "tory." },
        { "The new battery at Veenhoop, a well-known site for the cooperative's members, went "
          "into service in September.", 0, 0, NULL, "The new battery", "ber." },
        { "The average member paid 0.27 euros per kilowatt-hour in 2023, 9 percent less than "
          "the national average, and the financial reserve built up in 2022 let us keep the "
          "price unchanged when wholesale prices spiked in the autumn.", 0, 0, NULL,
          "The average", "autumn." } },
      { "Page 1 of 3", "Page 2", "Annual Report 2023 Generation", "\xef\xac\x81", "reduc-",
        "his-", "well- known", "Septem-", "Greenfield Energy Cooperative \xc2\xb7 Annual" },
      { "Page" }, 0 },
    { "talk.srt", SUMM_FORMAT_SUBTITLES,
      { { "So, um, three years ago we started measuring the water in every school in the "
          "district, and what we found surprised us.", 0, 0, NO_LABEL, "So, um", "us." },
        { "One school in five had lead levels above the federal action limit.", 0, 0, NULL,
          "One school", "limit." },
        { "The drinking fountains were.", 0, 0, NULL, "The drinking", "were." } },
      { "-->", "00:00", "applause", "<i>", "music" }, { 0 }, 0 },
    { "panel.vtt", SUMM_FORMAT_SUBTITLES,
      { { "Welcome to the panel on city budgets.", 0, 0, "Moderator", "Welcome", "budgets." },
        { "The transit budget grew by twelve percent, & most of it went to bus drivers' "
          "wages.", 0, 0, "Dr. Lena Park", "The transit", "wages." },
        { "Yeah.", F, 0, "Moderator", NULL, NULL } },
      { "WEBVTT", "NOTE", "made by hand", "::cue", "intro", "align:start", "<v", "&amp;" },
      { "Yeah.", "Okay." }, 0 },
    { "meeting.txt", SUMM_FORMAT_TRANSCRIPT,
      { { "Okay, I think everyone's here.", 0, F, "ALICE", "Okay, I", "here." },
        { "Yeah.", F, 0, "BOB", "Yeah.", "Yeah." },
        { "Um, yeah.", F, 0, "ALICE", NULL, NULL },
        { "The payment screen still crashes on older Android phones, about three percent of "
          "sessions on version nine.", 0, F, "CAROL", "The payment", "nine." },
        { "Sorry, go ahead.", 0, 0, "BOB", "Sorry", "ahead." },
        { "Weekly product sync, 14 March", H, 0, NO_LABEL, NULL, NULL } },
      { "ALICE:", "BOB:", "crosstalk" },
      { "everyone's here", "Yeah.", "Um, so, first thing", "Right.", "Okay." }, 0 },
    { "interview.txt", SUMM_FORMAT_TRANSCRIPT,
      { { "Transcript: \"The Long Road Home\", episode 14", 0, 0, NO_LABEL, NULL, NULL },
        { "Dr. Osei, thank you for joining us.", 0, 0, "Q", "Dr. Osei", "us." },
        { "Well, the short answer is that the outbreaks follow the fishing season, not the "
          "rainy season.", 0, 0, "A", "Well,", "season." },
        { "One infected person arriving from upstream is enough.", 0, 0, "A", NULL, NULL } },
      { "[00:", "(laughs)", "crosstalk", "Q:", "A:" },
      { "thank you for joining", "Thank you for having me" }, 0 },
    { "otter.txt", SUMM_FORMAT_TRANSCRIPT,
      { { "Okay, so, um, let's get started.", 0, 0, "Speaker 1", "Okay, so", "started." },
        { "Yeah.", F, 0, "Speaker 2", NULL, NULL },
        { "I asked the dean last week.", 0, F, "Speaker 3", NULL, NULL },
        { "Mm-hmm.", F, 0, "Speaker 1", NULL, NULL } },
      { "0:02", "Speaker 1  0:09" }, { "let's get started", "Yeah.", "Okay." }, 0 },
};

/* ---- small cases ----------------------------------------------------------------- */

typedef struct snippet {
    const char *name;
    summ_format format;
    const char *input;
    want w[4];
    const char *absent[4];
    unsigned warnings;
} snippet;

static const snippet snippets[] = {
    { "md: inline code keeps its text", SUMM_FORMAT_MARKDOWN, "Run `make install` now.\n",
      { { "Run make install now.", 0, 0, NULL, "Run", "now." } }, { "`" }, 0 },
    { "md: a backtick without its match is text", SUMM_FORMAT_MARKDOWN, "Use a ` here.\n",
      { { "Use a ` here.", 0, 0, NULL, NULL, NULL } }, { 0 }, 0 },
    { "md: double backticks hold single ones", SUMM_FORMAT_MARKDOWN,
      "The ``a`b`` span stays.\n", { { "The a`b span stays.", 0, 0, NULL, NULL, NULL } },
      { 0 }, 0 },
    { "md: link text, destination with parentheses and title", SUMM_FORMAT_MARKDOWN,
      "Read [the docs](https://x.org/a_(b) \"Docs\") first.\n",
      { { "Read the docs first.", 0, 0, NULL, "Read", "first." } }, { "x.org", "Docs\"" }, 0 },
    { "md: reference link defined after its use", SUMM_FORMAT_MARKDOWN,
      "See [the guide][g] and [Guide] too.\n\n[g]: http://x.org\n[guide]: http://y.org\n",
      { { "See the guide and Guide too.", 0, 0, NULL, NULL, NULL } }, { "x.org", "[g]" }, 0 },
    { "md: a badge (image in a link) leaves nothing", SUMM_FORMAT_MARKDOWN,
      "[![CI](https://ci/badge.svg)](https://ci) Text after.\n",
      { { "Text after.", 0, 0, NULL, "Text", "after." } }, { "CI", "badge" }, 0 },
    { "md: brackets that are no link stay", SUMM_FORMAT_MARKDOWN,
      "An array a[1] and [sic] stay.\n",
      { { "An array a[1] and [sic] stay.", 0, 0, NULL, NULL, NULL } }, { 0 }, 0 },
    { "md: emphasis markers go, snake_case and lone stars stay", SUMM_FORMAT_MARKDOWN,
      "**Bold** and _it_ and ~~gone~~ but snake_case_name and 2 * 3 stay.\n",
      { { "Bold and it and gone but snake_case_name and 2 * 3 stay.", 0, 0, NULL, "Bold",
          "stay." } }, { "**", "~~" }, 0 },
    { "md: escapes and entities", SUMM_FORMAT_MARKDOWN,
      "A \\*star\\* &amp; an &#x263A; and &bogus; stay.\n",
      { { "A *star* & an \xe2\x98\xba and &bogus; stay.", 0, 0, NULL, NULL, NULL } }, { 0 },
      0 },
    { "md: an unclosed fence runs to the end", SUMM_FORMAT_MARKDOWN,
      "Before the code.\n\n```c\nint main(void);\n\nMore code.\n",
      { { "Before the code.", 0, 0, NULL, NULL, NULL } }, { "int main", "More code" }, 0 },
    { "md: tilde fences, indented code, HTML comments, front matter", SUMM_FORMAT_MARKDOWN,
      "---\ntitle: x\n---\nText one.\n\n~~~\ncode one\n~~~\n\n    code two\n\n<!-- a\nb -->\n"
      "Text two.\n",
      { { "Text one.", 0, 0, NULL, NULL, NULL }, { "Text two.", 0, 0, NULL, NULL, NULL } },
      { "code", "title", "<!--", "b -->" }, 0 },
    { "md: a table of any size is no text", SUMM_FORMAT_MARKDOWN,
      "Intro line.\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\n\nOutro line.\n",
      { { "Intro line.", 0, 0, NULL, NULL, NULL }, { "Outro line.", 0, 0, NULL, NULL, NULL } },
      { "| a", "---", "1 | 2" }, 0 },
    { "md: HTML blocks are no text", SUMM_FORMAT_MARKDOWN,
      "<div align=\"center\">\n<img src=\"x.png\">\n</div>\n\nReal text here.\n",
      { { "Real text here.", 0, 0, NULL, NULL, NULL } }, { "div", "img" }, 0 },
    { "md: headings, bullets dropped, numbers kept, quotes read", SUMM_FORMAT_MARKDOWN,
      "## Setup ##\n\n- First step.\n* Second step.\n\n1. One.\n2) Two.\n\n> Quoted advice.\n",
      { { "Setup", H, 0, NULL, "Setup", "Setup" }, { "First step.", L, 0, NULL, "First", NULL },
        { "1. One.", L, 0, NULL, "1. One.", "One." },
        { "Quoted advice.", 0, SUMM_FLAG_QUOTED, NULL, "Quoted", "advice." } },
      { "##", "- First", "* Second", ">" }, 0 },
    { "md: autolinks keep their address", SUMM_FORMAT_MARKDOWN,
      "Write to <team@example.org> or see <https://example.org/a>.\n",
      { { "Write to team@example.org or see https://example.org/a.", 0, 0, NULL, "Write",
          "a>." } }, { "<" }, 0 },
    { "email: quoted-printable soft breaks and UTF-8", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n\nThe caf=C3=A9 on the corner opens at e=\night.\n",
      { { "The caf\xc3\xa9 on the corner opens at eight.", 0, 0, "a@example.org", "The caf",
          "ight." } }, { "=" }, 0 },
    { "email: a bad quoted-printable byte is U+FFFD, with a warning", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=utf-8\n"
      "Content-Transfer-Encoding: quoted-printable\n\nBroken =C3 byte here.\n",
      { { "Broken \xef\xbf\xbd byte here.", 0, 0, NULL, NULL, NULL } }, { 0 },
      SUMM_WARN_UNDECODED },
    { "email: Windows-1252 in base64", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=windows-1252\n"
      "Content-Transfer-Encoding: base64\n\nU2hlIHNhaWQgk2hlbGxvlCB0byB0aGUgY2Fm6S4K\n",
      { { "She said \xe2\x80\x9chello\xe2\x80\x9d to the caf\xc3\xa9.", 0, 0, NULL,
          "U2hl", NULL } }, { 0 }, 0 },
    { "email: a charset nobody knows warns", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=x-no-such-set\n"
      "Content-Transfer-Encoding: quoted-printable\n\nOK =F0=D2 text.\n",
      { { "OK \xef\xbf\xbd\xef\xbf\xbd text.", 0, 0, NULL, NULL, NULL } }, { 0 },
      SUMM_WARN_UNDECODED },
    { "email: KOI8-R in quoted-printable, through iconv", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=koi8-r\n"
      "Content-Transfer-Encoding: quoted-printable\n\nOK =F0=D2 text.\n",
      { { "OK \xd0\x9f\xd1\x80 text.", 0, 0, NULL, "OK =F0", "text." } }, { 0 }, 0 },
    /* 表示です。 in Shift_JIS: 95 5C 8E A6 82 C5 82 B7 81 42, whose 5C and 42
     * stay literal ("\\", "B") in quoted-printable */
    { "email: Shift_JIS in quoted-printable, trail bytes in ASCII", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=shift_jis\n"
      "Content-Transfer-Encoding: quoted-printable\n\n=95\\=8E=A6=82=C5=82=B7=81B\n",
      { { "\xe8\xa1\xa8\xe7\xa4\xba\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82", 0, 0, NULL,
          "=95\\", "=81B" } }, { 0 }, 0 },
    /* 日本語です。次の文です。 */
    { "email: Shift_JIS in base64", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=Shift_JIS\n"
      "Content-Transfer-Encoding: base64\n\nk/qWe4zqgsWCt4FCjp+CzJW2gsWCt4FC\n",
      { { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
          0, 0, NULL, NULL, NULL } }, { 0 }, 0 },
    { "email: ISO-2022-JP, seven-bit, its shifts kept between characters",
      SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=ISO-2022-JP\n"
      "Content-Transfer-Encoding: 7bit\n\n\x1b$BF|K\\8l$G$9!#<!$NJ8$G$9!#\x1b(B\n",
      { { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
          0, 0, NULL, "F|K", "!#" } }, { "\x1b", "$B" }, 0 },
    { "email: UTF-16 in base64, its byte order mark read", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=utf-16\n"
      "Content-Transfer-Encoding: base64\n\n"
      "//5IAGUAbABsAG8AIAB0AGgAZQByAGUALgAgAFMAZQBjAG8AbgBkACAAbwBuAGUAIABoAGUAcgBlAC4A\n",
      { { "Hello there.", 0, 0, NULL, NULL, NULL },
        { "Second one here.", 0, 0, NULL, NULL, NULL } }, { 0 }, 0 },
    { "email: eight-bit Latin-1, in an input that is not UTF-8", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: 8bit\n\nLe caf\xe9 est tr\xe8s bon.\n",
      { { "Le caf\xc3\xa9 est tr\xc3\xa8s bon.", 0, 0, NULL, "Le caf\xe9", "bon." } }, { 0 },
      0 },
    { "email: quoted-printable Latin-1 with literal eight-bit bytes, input not UTF-8",
      SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n\nLe caf\xe9 est tr=E8s bon.\n",
      { { "Le caf\xc3\xa9 est tr\xc3\xa8s bon.", 0, 0, NULL, "Le caf\xe9", "bon." } }, { 0 },
      0 },
    { "email: eight-bit Shift_JIS, in an input that is not UTF-8", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: text/plain; charset=shift_jis\n"
      "Content-Transfer-Encoding: 8bit\n\n\x93\xfa\x96\x7b\x8c\xea ok.\n",
      { { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e ok.", 0, 0, NULL, "\x93\xfa", "ok." } },
      { 0 }, 0 },
    { "email: eight-bit bytes that are no UTF-8 in a UTF-8 part and a header",
      SUMM_FORMAT_EMAIL,
      "From: J\xe9r\xf4me <a@example.org>\nSubject: t\n"
      "Content-Type: text/plain; charset=utf-8\n\nBroken \xe9 byte, fine \xc3\xa9 one.\n",
      { { "Broken \xef\xbf\xbd byte, fine \xc3\xa9 one.", 0, 0, "J\xef\xbf\xbdr\xef\xbf\xbdme",
          "Broken \xe9", "one." } }, { 0 }, SUMM_WARN_UNDECODED },
    { "email: an encoded word with a byte past ASCII in it is text as it stands",
      SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: =?utf-8?Q?caf\xc3\xa9_ok?=\n"
      "Content-Type: text/plain\n\nThe body is here.\n",
      { { "=?utf-8?Q?caf\xc3\xa9_ok?=", 0, 0, NULL, "=?utf-8?Q?caf", "ok?=" } }, { 0 }, 0 },
    /* 会議の件 */
    { "email: an ISO-2022-JP encoded word in the subject", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: =?ISO-2022-JP?B?GyRCMnE1RCRON28bKEI=?=\n"
      "Content-Type: text/plain\n\nThe body is here.\n",
      { { "\xe4\xbc\x9a\xe8\xad\xb0\xe3\x81\xae\xe4\xbb\xb6", 0, 0, NULL,
          "=?ISO-2022-JP?B?", "?=" } }, { 0 }, 0 },
    { "email: a short plain alternative is read, not the HTML beside it", SUMM_FORMAT_EMAIL,
      "From: a@example.org\nSubject: t\nContent-Type: multipart/alternative; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nSee you at six.\n--b\nContent-Type: text/html\n\n"
      "<p>The HTML version.</p>\n--b--\n",
      { { "See you at six.", 0, OWN, NULL, "See", "six." } }, { "HTML version" }, 0 },
    { "email: encoded words, adjacent ones joined", SUMM_FORMAT_EMAIL,
      "From: x@y\nSubject: =?utf-8?Q?Caf=C3=A9?= =?utf-8?B?IG5vdGVz?= today\n\nBody text.\n",
      { { "Caf\xc3\xa9 notes today", H, 0, NULL, NULL, NULL } }, { "=?" }, 0 },
    { "email: a signature after \"-- \"", SUMM_FORMAT_EMAIL,
      "From: x@y\nSubject: s\n\nThe body sentence is here.\n\n-- \nJane Doe, Acme Corp.\n",
      { { "The body sentence is here.", 0, OWN, NULL, NULL, NULL },
        { "-- Jane Doe, Acme Corp.", B, 0, NULL, "-- ", "Corp." } }, { 0 }, 0 },
    { "email: deep multipart nesting is bounded", SUMM_FORMAT_EMAIL,
      "From: x@y\nSubject: deep\nContent-Type: multipart/mixed; boundary=a\n\n--a\n"
      "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nInner text.\n"
      "--b--\n--a--\n",
      { { "Inner text.", 0, OWN, NULL, NULL, NULL } }, { "--b", "Content-Type" }, 0 },
    /* each attached forward is two levels (multipart/mixed, message/rfc822):
     * five of them put the first message ten deep */
    { "email: the first message under five attached forwards is read", SUMM_FORMAT_EMAIL,
      "From: a@x\nSubject: f5\nContent-Type: multipart/mixed; boundary=m5\n\n--m5\n"
      "Content-Type: message/rfc822\n\nFrom: a@x\nSubject: f4\nContent-Type: multipart/mixed; "
      "boundary=m4\n\n--m4\nContent-Type: message/rfc822\n\nFrom: a@x\nSubject: f3\n"
      "Content-Type: multipart/mixed; boundary=m3\n\n--m3\nContent-Type: message/rfc822\n\n"
      "From: a@x\nSubject: f2\nContent-Type: multipart/mixed; boundary=m2\n\n--m2\n"
      "Content-Type: message/rfc822\n\nFrom: a@x\nSubject: f1\nContent-Type: multipart/mixed; "
      "boundary=m1\n\n--m1\nContent-Type: message/rfc822\n\nFrom: e@x\nSubject: f0\n"
      "Content-Type: text/plain\n\nThe first message is here.\n--m1--\n--m2--\n--m3--\n"
      "--m4--\n--m5--\n",
      { { "The first message is here.", 0, 0, NULL, "The first", "here." } },
      { "Content-Type", "--m1" }, 0 },
    { "pdf: hyphens by the text's evidence", SUMM_FORMAT_PDFTEXT,
      "Renewable power is cheap. Wind is renew-\nable and solar is well-\nknown, the well-known kind. "
      "Franco-\nGerman ties help. The soft\xc2\xad\nhyphen joins.\f",
      { { "Wind is renewable and solar is well-known, the well-known kind.", 0, 0, NULL, "Wind",
          "kind." },
        { "Franco-German ties help.", 0, 0, NULL, "Franco-", "help." },
        { "The softhyphen joins.", 0, 0, NULL, "The soft", "joins." } }, { "renew-" }, 0 },
    { "pdf: page numbers and running headers go", SUMM_FORMAT_PDFTEXT,
      "Acme Annual Review\n\nThe first page says one thing and\n\n- 1 -\n\fAcme Annual Review\n\n"
      "goes on to the second page.\n\n- 2 -\n\f",
      { { "The first page says one thing and goes on to the second page.", 0, 0, NULL, "The",
          "page." } }, { "Acme", "- 1 -", "2 -" }, 0 },
    { "pdf: \"Page 3 of 12\" without form feeds", SUMM_FORMAT_PDFTEXT,
      "The report begins here and\nPage 1 of 2\ncontinues on the next page.\n",
      { { "The report begins here and continues on the next page.", 0, 0, NULL, NULL, NULL } },
      { "Page 1" }, 0 },
    { "pdf: ligatures are letters", SUMM_FORMAT_PDFTEXT,
      "The \xef\xac\x81nancial of\xef\xac\x81" "ce is e\xef\xac\x83" "cient.\f",
      { { "The financial office is efficient.", 0, 0, NULL, "The", "cient." } }, { 0 }, 0 },
    { "srt: markup, sound notes and songs go", SUMM_FORMAT_SUBTITLES,
      "1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> {\\an8}there.\n\n2\n00:00:02,500 --> "
      "00:00:03,000\n[music]\n\xe2\x99\xaa la la \xe2\x99\xaa\n",
      { { "Hello there.", 0, 0, NO_LABEL, "Hello", "there." } }, { "la la", "music", "<i>" },
      0 },
    { "srt: captioners' speaker labels", SUMM_FORMAT_SUBTITLES,
      "1\n00:00:01,000 --> 00:00:02,000\n>> ALICE: We leave at dawn.\n\n2\n00:00:02,000 --> "
      "00:00:03,000\n>> BOB: Not before coffee.\n",
      { { "We leave at dawn.", 0, 0, "ALICE", NULL, NULL },
        { "Not before coffee.", 0, 0, "BOB", NULL, NULL } }, { ">>", "ALICE:" }, 0 },
    { "transcript: notes and time stamps are no text", SUMM_FORMAT_TRANSCRIPT,
      "[00:00:01] ALICE: We start (laughs) now.\n[00:00:05] BOB: [inaudible] Agreed.\n"
      "ALICE: Good.\nBOB: Fine.\n",
      { { "We start now.", 0, 0, "ALICE", "We start", "now." },
        { "Agreed.", 0, 0, "BOB", NULL, NULL } }, { "laughs", "inaudible", "00:00" }, 0 },
    { "transcript: a time of day in a turn stays", SUMM_FORMAT_TRANSCRIPT,
      "ALICE: The bus leaves at 10:30 sharp.\nBOB: See you there.\n",
      { { "The bus leaves at 10:30 sharp.", 0, 0, "ALICE", NULL, NULL } }, { 0 }, 0 },
};

/* E-mail whose body is HTML (read with gumbo): a newsletter of layout
 * tables whose plain part is a stub, a notification that is one base64
 * text/html part, a Gmail reply with an empty plain part, an Outlook
 * reply that is HTML only. */
static const doccase html_docs[] = {
    { "newsletter.eml", SUMM_FORMAT_EMAIL,
      { { "The Riverton Library Bulletin - March", H, 0, "Riverton Public Library", NULL, NULL },
        { "New hours from the first of April", H, 0, NULL, "New hours", "A=\npril" },
        { "From the first of April the main branch on Mill Street will open at nine every "
          "weekday and stay open until eight on Tuesdays and Thursdays.", 0, OWN,
          "Riverton Public Library", "From the first", "Thursdays." },
        { "Repair caf\xc3\xa9 in the reading room", H, 0, NULL, "Repair caf&eacute;", "room" },
        { "You are receiving this email because you signed up for the library bulletin at the "
          "front desk or on our website.", B, 0, NULL, "You are", "website." },
        { "Update your preferences or unsubscribe from this list.", B, 0, NULL, NULL, NULL } },
      { "https://riverton-library.example.org/bulletin/march", "<td", "=3D", "max-width",
        "display:none", "New opening hours, the spring", "&eacute;" },
      { "unsubscribe", "View this email", "Events |", "See all opening hours" }, 0 },
    { "notification.eml", SUMM_FORMAT_EMAIL,
      { { "Clip polygons before simplifying (PR #412)", H, 0, "Marta Hernandez", NULL, NULL },
        { "Could you add a test with a duplicated point?", 0, OWN, "Marta Hernandez", NULL,
          NULL },
        { "+ if (poly->n < 3)", SUMM_FLAG_APPARATUS, Q, NULL, NULL, NULL },
        { "You are receiving this because you authored the thread.", B, 0, NULL, NULL, NULL } },
      { "PGh0bWw", "&gt;", "&mdash;", "beacon" },
      { "unsubscribe", "receiving this", "poly->n" }, 0 },
    { "gmail-html.eml", SUMM_FORMAT_EMAIL,
      { { "Solar panel quotes for the main hall", H, 0, "Priya Raman", NULL, NULL },
        { "Hi Sam,", B, 0, NULL, "Hi Sam,", "Hi Sam," },
        { "Could you book the roof survey for the week of the 18th?", 0, OWN, "Priya Raman",
          "Co=\nuld you", "18th?" },
        { "The scaffolding firm needs three days' notice, so please tell them as soon as the "
          "date is fixed.", 0, OWN, NULL, "The scaffolding", "f=\nixed." },
        { "Best, Priya", B, 0, NULL, "Best,=", "Priya" },
        { "Facilities Manager, Harbourside Community Centre", B, 0, NULL, NULL, NULL },
        { "On Mon, 11 Mar 2024 at 14:05, Sam Whitfield <sam.whitfield@example.co.uk> wrote:", Q, 0,
          NULL, "On Mon", "wrote:" },
        { "Here are the three quotes for the solar panels on the main hall.", Q, 0, NULL,
          "He=\nre are", "hall." } },
      { "&#39;", "&lt;", "gmail_quote", "<div" },
      { "three quotes", "Brightwatt", "Best", "Facilities Manager", "Hi Sam" }, 0 },
    { "outlook-html.eml", SUMM_FORMAT_EMAIL,
      { { "Q3 audit", H, 0, "Stefan Vogel", "Q3 audit", "Q3 audit" },
        { "Hello Daniel,", B, 0, NULL, NULL, NULL },
        { "Can your team draft it by Friday, so that Ines can review it before the budget "
          "meeting?", 0, OWN, "Stefan Vogel", "Can your", "meeting?" },
        { "Kind regards, Stefan Vogel", B, 0, NULL, "Kind regards,", "Vogel" },
        { "Sent: Monday, 4 March 2024 11:02", Q, 0, NULL, NULL, NULL },
        { "Hi Stefan, do we have any news from the auditors yet?", Q, 0, NULL, NULL, NULL },
        { "If you are not the intended recipient, please notify the sender immediately and "
          "delete this message.", Q, 0, NULL, NULL, NULL } },
      { "MsoNormal", "Cambria", "<o:p>", "&nbsp;", "\xc2\xa0", "mso-style" },
      { "news from the auditors", "intended recipient", "Kind regards", "Head of Finance" }, 0 },
};

/* ---- checks ------------------------------------------------------------------------ */

static char *
slurp(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", docdir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fail_msg("cannot open %s", path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, got;
    char *p = malloc(cap);
    assert_non_null(p);
    while ((got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            p = realloc(p, cap *= 2);
            assert_non_null(p);
        }
    }
    fclose(f);
    *len = n;
    return p;
}

/* s with every run of white space one space, trimmed (into a new string). */
static char *
collapse(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    assert_non_null(o);
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            gap = k > 0;
            continue;
        }
        if (gap)
            o[k++] = ' ';
        gap = false;
        o[k++] = c;
    }
    o[k] = '\0';
    return o;
}

static void
check_want(const char *what, const char *in, size_t len, const summ_result *res, const want *w)
{
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        char *t = collapse(s->text, s->text_length);
        bool same = strcmp(t, w->text) == 0;
        free(t);
        if (!same)
            continue;
        if ((s->flags & w->set) != w->set || (s->flags & w->clear))
            fail_msg("%s: \"%s\" has flags %u (wants %u set, %u clear)", what, w->text, s->flags,
                     w->set, w->clear);
        if (w->label && strcmp(w->label, ANY_LABEL) != 0) {
            if (strcmp(w->label, NO_LABEL) == 0) {
                if (s->label)
                    fail_msg("%s: \"%s\" has label \"%s\"", what, w->text, s->label);
            } else if (!s->label || strcmp(s->label, w->label) != 0) {
                fail_msg("%s: \"%s\" has label \"%s\", not \"%s\"", what, w->text,
                         s->label ? s->label : "(none)", w->label);
            }
        } else if (w->label && !s->label) {
            fail_msg("%s: \"%s\" has no label", what, w->text);
        }
        if (w->from && (s->length < strlen(w->from)
                        || memcmp(in + s->offset, w->from, strlen(w->from)) != 0))
            fail_msg("%s: \"%s\": its span starts \"%.20s\", not \"%s\"", what, w->text,
                     in + s->offset, w->from);
        if (w->to) {
            size_t k = strlen(w->to);
            if (s->length < k || memcmp(in + s->offset + s->length - k, w->to, k) != 0)
                fail_msg("%s: \"%s\": its span ends \"%.*s\", not \"%s\"", what, w->text,
                         (int)(k < s->length ? k : s->length), in + s->offset + s->length
                         - (k < s->length ? k : s->length), w->to);
        }
        (void)len;
        return;
    }
    fprintf(stderr, "# %s: sentences:\n", what);
    for (size_t i = 0; i < summ_result_count(res); i++) {
        char *t = collapse(summ_result_at(res, i)->text, summ_result_at(res, i)->text_length);
        fprintf(stderr, "#   [%s]\n", t);
        free(t);
    }
    fail_msg("%s: no sentence \"%s\"", what, w->text);
}

static void
check_absent(const char *what, const summ_result *res, const char *frag)
{
    for (size_t i = 0; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        if (strstr(s->text, frag))
            fail_msg("%s: \"%s\" is in \"%s\"", what, frag, s->text);
    }
}

/* Split text as fmt (AUTO: told from the content) and check the result. */
static summ_result *
split_checked(const char *what, const char *text, size_t len, summ_format fmt,
              summ_format expect)
{
    summ_ctx *ctx;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, fmt), SUMM_OK);
    summ_result *res = NULL;
    summ_status st = summ_split(ctx, text, len, &res);
    if (st != SUMM_OK)
        fail_msg("%s: %s", what, summ_errmsg(ctx));
    if (summ_result_format(res) != expect)
        fail_msg("%s: read as %s, not %s", what, summ_format_name(summ_result_format(res)),
                 summ_format_name(expect));
    fuzz_check_result(text, len, res, ctx, FUZZ_SPLIT);
    summ_free(ctx);
    return res;
}

static void
check_doc(const doccase *c)
{
    {
        size_t len;
        char *text = slurp(c->file, &len);
        summ_result *res = split_checked(c->file, text, len, SUMM_FORMAT_AUTO, c->format);
        for (size_t k = 0; k < MAXW && c->w[k].text; k++)
            check_want(c->file, text, len, res, &c->w[k]);
        for (size_t k = 0; k < 10 && c->absent[k]; k++)
            check_absent(c->file, res, c->absent[k]);
        if (summ_result_warnings(res) != c->warnings)
            fail_msg("%s: warnings %u, not %u", c->file, summ_result_warnings(res), c->warnings);
        summ_result_free(res);

        /* the summary: three sentences, none of what is not the text's own */
        summ_ctx *ctx;
        assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
        summ_result *sum = NULL;
        assert_int_equal(summ_run(ctx, text, len, &sum), SUMM_OK);
        fuzz_check_result(text, len, sum, ctx, FUZZ_RUN);
        assert_int_equal(summ_result_count(sum), 3);
        for (size_t k = 0; k < 8 && c->not_summary[k]; k++)
            check_absent(c->file, sum, c->not_summary[k]);
        for (size_t i = 0; i < summ_result_count(sum); i++)
            if (summ_result_at(sum, i)->flags
                & (SUMM_FLAG_QUOTED | SUMM_FLAG_BOILERPLATE | SUMM_FLAG_FILLER | SUMM_FLAG_HEADING))
                fail_msg("%s: the summary has \"%s\"", c->file, summ_result_at(sum, i)->text);
        summ_result_free(sum);
        summ_free(ctx);
        free(text);
    }
}

static void
test_documents(void **state)
{
    (void)state;
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++)
        check_doc(&docs[d]);
}

/* Every sentence of the message's body lies inside the bytes [a, b) of
 * its HTML part (the first, the title, is the Subject). */
static void
check_inside(const char *what, const summ_result *res, size_t a, size_t b)
{
    for (size_t i = 1; i < summ_result_count(res); i++) {
        const summ_span *s = summ_result_at(res, i);
        if (s->offset < a || s->offset + s->length > b)
            fail_msg("%s: \"%s\" at [%zu, %zu), outside the part [%zu, %zu)", what, s->text,
                     (size_t)s->offset, (size_t)(s->offset + s->length), a, b);
    }
}

/* The HTML of e-mail: read with gumbo, left out (and warned) without. */
static void
test_email_html(void **state)
{
    (void)state;
    bool html = summ_format_supported(SUMM_FORMAT_HTML);
    static const char only[] =
        "From: a@example.org\nSubject: Only HTML here\nContent-Type: text/html\n\n"
        "<p>Hi there, the parcel left the depot this morning.</p>\n";
    summ_result *res = split_checked("html only", only, strlen(only), SUMM_FORMAT_AUTO,
                                     SUMM_FORMAT_EMAIL);
    want title = { "Only HTML here", H, 0, NULL, NULL, NULL };
    check_want("html only", only, strlen(only), res, &title);
    if (!html) {
        /* the build without gumbo: the body is left out, and says so */
        assert_int_equal(summ_result_warnings(res), SUMM_WARN_SKIPPED);
        check_absent("html only", res, "parcel");
        assert_int_equal(summ_result_count(res), 1);
        summ_result_free(res);
        for (size_t d = 0; d < sizeof html_docs / sizeof html_docs[0]; d++) {
            size_t len;
            char *text = slurp(html_docs[d].file, &len);
            summ_result *r = split_checked(html_docs[d].file, text, len, SUMM_FORMAT_AUTO,
                                           SUMM_FORMAT_EMAIL);
            check_absent(html_docs[d].file, r, "<");
            /* an empty or stub plain part is read, and the HTML beside it
             * warned about */
            if (!(summ_result_warnings(r) & SUMM_WARN_SKIPPED))
                fail_msg("%s: no SUMM_WARN_SKIPPED without gumbo", html_docs[d].file);
            summ_result_free(r);
            free(text);
        }
        return;
    }
    want body = { "Hi there, the parcel left the depot this morning.", 0, OWN, NULL, "Hi there",
                  "morning." };
    check_want("html only", only, strlen(only), res, &body);
    assert_int_equal(summ_result_warnings(res), 0);
    check_inside("html only", res, (size_t)(strstr(only, "<p>") - only), strlen(only));
    summ_result_free(res);

    /* an eight-bit HTML part in Shift_JIS (日本 ok.), in an input that is
     * not UTF-8: decoded before the HTML reader reads it, spans in its
     * bytes */
    static const char sjis[] = "From: a@example.org\nSubject: t\n"
                               "Content-Type: text/html; charset=shift_jis\n"
                               "Content-Transfer-Encoding: 8bit\n\n<p>\x93\xfa\x96\x7b ok.</p>\n";
    res = split_checked("html sjis", sjis, sizeof sjis - 1, SUMM_FORMAT_AUTO, SUMM_FORMAT_EMAIL);
    want jp = { "\xe6\x97\xa5\xe6\x9c\xac ok.", 0, 0, NULL, "\x93\xfa", "ok." };
    check_want("html sjis", sjis, sizeof sjis - 1, res, &jp);
    assert_true(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    summ_result_free(res);

    for (size_t d = 0; d < sizeof html_docs / sizeof html_docs[0]; d++)
        check_doc(&html_docs[d]);

    /* the single-part messages (quoted-printable, base64): every span in
     * the part's bytes */
    static const char *const single[] = { "notification.eml", "outlook-html.eml" };
    for (size_t d = 0; d < 2; d++) {
        size_t len;
        char *text = slurp(single[d], &len);
        res = split_checked(single[d], text, len, SUMM_FORMAT_AUTO, SUMM_FORMAT_EMAIL);
        assert_true(summ_result_count(res) > 8);
        check_inside(single[d], res, (size_t)(strstr(text, "\n\n") + 2 - text), len);
        summ_result_free(res);
        free(text);
    }
}

/* A broken or huge HTML part: read in bounded time, as a browser would.
 * SUMM_TEST_SMALL=1 (the valgrind setup) makes the parts ten times
 * smaller. */
static void
test_email_html_bad(void **state)
{
    (void)state;
    const char *small = getenv("SUMM_TEST_SMALL");
    size_t scale = small && *small && *small != '0' ? 10 : 1;
    if (!summ_format_supported(SUMM_FORMAT_HTML))
        return;  /* (test_email_html checks the build without gumbo; a TAP skip fails) */
    static const char head[] = "From: a@example.org\nSubject: Deep\nMIME-Version: 1.0\n"
                               "Content-Type: text/html; charset=utf-8\n\n";
    static const char mid[] = "<p>The deep text is still read.</p>";
    /* 200,000 unclosed <div>s (past the parser's bound), a table of 20,000
     * cells, then a comment that never ends */
    size_t ndiv = 200000 / scale, ncell = 20000 / scale;
    size_t cap = sizeof head + ndiv * 5 + sizeof mid + ncell * 9 + 64;
    char *m = malloc(cap);
    assert_non_null(m);
    size_t n = 0;
    memcpy(m, head, sizeof head - 1);
    n += sizeof head - 1;
    for (size_t i = 0; i < ndiv; i++, n += 5)
        memcpy(m + n, "<div>", 5);
    memcpy(m + n, mid, sizeof mid - 1);
    n += sizeof mid - 1;
    memcpy(m + n, "<table>", 7);
    n += 7;
    for (size_t i = 0; i < ncell; i++, n += 9)
        memcpy(m + n, "<td>x</td", 9);
    n += (size_t)sprintf(m + n, "<!-- Never closed. It hides this.\n");
    summ_result *res = split_checked("deep html", m, n, SUMM_FORMAT_AUTO, SUMM_FORMAT_EMAIL);
    want deep = { "The deep text is still read.", 0, OWN, NULL, "The deep", "read." };
    check_want("deep html", m, n, res, &deep);
    check_absent("deep html", res, "hides");
    check_absent("deep html", res, "<div");
    summ_result_free(res);
    free(m);

    /* a part of 8 MB of paragraphs: read whole, mapped inside the part */
    size_t reps = (8u << 20 >> 6) / scale;
    static const char para[] = "<p>Paragraph text of sixty-four bytes, to fill a part.</p>\n";
    size_t pl = sizeof para - 1;
    m = malloc(sizeof head + reps * pl);
    assert_non_null(m);
    memcpy(m, head, sizeof head - 1);
    n = sizeof head - 1;
    for (size_t i = 0; i < reps; i++, n += pl)
        memcpy(m + n, para, pl);
    res = split_checked("huge html", m, n, SUMM_FORMAT_AUTO, SUMM_FORMAT_EMAIL);
    assert_int_equal(summ_result_count(res), reps + 1);
    check_inside("huge html", res, sizeof head - 1, n);
    summ_result_free(res);
    free(m);
}

static void
test_snippets(void **state)
{
    (void)state;
    for (size_t d = 0; d < sizeof snippets / sizeof snippets[0]; d++) {
        const snippet *c = &snippets[d];
        size_t len = strlen(c->input);
        summ_result *res = split_checked(c->name, c->input, len, c->format, c->format);
        for (size_t k = 0; k < 4 && c->w[k].text; k++)
            check_want(c->name, c->input, len, res, &c->w[k]);
        for (size_t k = 0; k < 4 && c->absent[k]; k++)
            check_absent(c->name, res, c->absent[k]);
        if ((summ_result_warnings(res) & c->warnings) != c->warnings)
            fail_msg("%s: warnings %u, wants %u", c->name, summ_result_warnings(res),
                     c->warnings);
        summ_result_free(res);
    }
}

/* A format's names, and the option's range. */
static void
test_names(void **state)
{
    (void)state;
    static const struct { summ_format f; const char *name, *alias; } n[] = {
        { SUMM_FORMAT_MARKDOWN, "markdown", "md" }, { SUMM_FORMAT_EMAIL, "email", "mbox" },
        { SUMM_FORMAT_PDFTEXT, "pdftext", "pdf" }, { SUMM_FORMAT_SUBTITLES, "subtitles", "vtt" },
        { SUMM_FORMAT_TRANSCRIPT, "transcript", "transcript" },
    };
    for (size_t i = 0; i < sizeof n / sizeof n[0]; i++) {
        assert_string_equal(summ_format_name(n[i].f), n[i].name);
        assert_int_equal(summ_format_lookup(n[i].name), n[i].f);
        assert_int_equal(summ_format_lookup(n[i].alias), n[i].f);
        assert_int_equal(summ_format_supported(n[i].f), 1);
    }
    assert_int_equal(summ_format_lookup("srt"), SUMM_FORMAT_SUBTITLES);
    assert_int_equal(summ_format_lookup("EML"), SUMM_FORMAT_EMAIL);
    assert_int_equal(summ_format_lookup("docx"), -1);
    summ_ctx *ctx;
    assert_int_equal(summ_new(NULL, &ctx), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_TRANSCRIPT), SUMM_OK);
    assert_int_equal(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_TRANSCRIPT + 1),
                     SUMM_EINVAL);
    summ_free(ctx);
}

/* Plain prose is never taken for a format: news copy with a colon line, a
 * list, a quote, a number line, a time. */
static void
test_plain_stays_plain(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Subject: the budget. The council met on Monday.\nIt agreed the plan.\n",
        "The minister said: \"We will act.\"\n\n- one\n- two\n\nIt was 10:30 when he spoke.\n",
        "Photos: the storm in pictures\n\nNote: this story was updated.\n\n"
        "Read more: how the flood began.\n\nThe river rose two metres overnight.\n",
        "By Jane Doe\n\n12\n\nThe results come in at 22:00 and are expected to be close.\n",
        "Q: Who won? The home side, 2-1, after a late goal from the captain.\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        summ_result *res = split_checked("plain", texts[i], strlen(texts[i]), SUMM_FORMAT_AUTO,
                                         SUMM_FORMAT_TEXT);
        summ_result_free(res);
    }
}

int
main(int argc, char **argv)
{
    if (argc > 1)
        docdir = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_email_html),
        cmocka_unit_test(test_email_html_bad),
        cmocka_unit_test(test_snippets),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_plain_stays_plain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
