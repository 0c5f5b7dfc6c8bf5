/* doc.h - the document every stage works on: the input, the clean text
 * the input format made of it (with the map back to the input's bytes and
 * the blocks the format knows), and what each stage adds. Data only. */
#ifndef SUMM_DOC_H
#define SUMM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

struct lang_info;
struct langres;

/* The map from the clean text back to the input: piece k covers clean
 * bytes [clean, next piece's clean) and stands for input bytes [src, src +
 * srclen). A piece whose two lengths are equal is verbatim (byte for
 * byte); any other (an entity, a rejoined hyphenation, markup dropped
 * between two words, a separator the format put in) maps as a whole. */
typedef struct srcmap {
    uint32_t clean;
    uint32_t src, srclen;
    uint32_t spread;      /* 1: the piece's characters stand evenly for its input
                             bytes (decoded base64: every character of the piece
                             maps to its share of them), so a sentence that starts
                             or ends inside it still gets a span of its own */
} srcmap;

/* What a block of the clean text is, as its format knows it. The blocks
 * are separated by blank lines in the clean text, so the segmenter ends a
 * unit at each; their kind then sets the flags of the sentences in them. */
typedef enum block_kind {
    BLOCK_PROSE,       /* paragraphs */
    BLOCK_HEADING,     /* h1-h6, Markdown headings: each sentence SUMM_FLAG_HEADING */
    BLOCK_TITLE,       /* the document's title (<title>, Subject:): a heading, and
                          the title signal of scoring */
    BLOCK_LIST_ITEM,   /* SUMM_FLAG_LIST_ITEM */
    BLOCK_BOILER,      /* furniture kept for --split: SUMM_FLAG_BOILERPLATE */
    BLOCK_QUOTED,      /* another text quoted (an e-mail's reply): SUMM_FLAG_QUOTED */
    BLOCK_CODE         /* a listing (a web page's <pre> of code, a console, a
                          diagram): kept for --split, SUMM_FLAG_APPARATUS */
} block_kind;

typedef struct block {
    uint32_t start, end;  /* clean-text bytes */
    uint32_t kind;        /* a block_kind */
    uint32_t label_len;
    const char *label;    /* the block's metadata (a speaker, a sender), not in the
                             text; label_len bytes in the run's arena, or NULL */
} block;

typedef struct sentence {
    uint32_t start, end;  /* byte span in the clean text, trimmed */
    uint32_t para;        /* paragraph number, from 0 */
    uint32_t flags;       /* SUMM_FLAG_* */
    uint32_t tok, ntok;   /* its content terms: doc.term[tok .. tok + ntok) */
    uint32_t nwords;      /* all its words, stopwords included */
    uint32_t word;        /* its words: doc.word[word .. word + nwords), if kept */
    uint32_t docno;       /* the text it is from, when several are summarized as one */
    /* What tokenize.c saw in it, for features.c, which then need not read
     * the sentence again byte by byte: */
    uint8_t wide;         /* 1: a word character outside ASCII (CJK bigrams, marks,
                             other digits), where features.c's reading of the words
                             may differ from tokenize.c's: it reads such a sentence
                             byte by byte */
    uint8_t marks;        /* MARK_*: the bytes met between the words */
    uint16_t nnum;        /* words that start with an ASCII digit; 0xFFFF: that many
                             or more */
} sentence;

/* sentence.marks: the bytes features.c's rules look for between words. */
enum {
    MARK_BRACKET = 1,     /* ( [ : a citation may be there */
    MARK_CODE = 2,        /* { ; = & | + > : a line of code may be */
    MARK_COLON = 4,       /* : (a code line's "::") */
    MARK_NEWLINE = 8,     /* \n: a section name may be glued to the sentence */
    MARK_QUOTE = 16,      /* " */
    MARK_WIDE = 32        /* a character past ASCII (a quotation mark may be one) */
};

/* The kind of a sentence, as features.c tells it from its words (the cue
 * lists of stopwords/cues/) and characters, for scoring. */
enum {
    FEAT_CUE = 1,        /* a cue phrase: "we propose", "in this paper" */
    FEAT_WE = 2,         /* a first-person plural word, and no quotation mark */
    FEAT_YOU = 4,        /* a second-person word, and no quotation mark */
    FEAT_QUESTION = 8,   /* ends with a question mark */
    FEAT_FILLER = 16,    /* nothing but fillers and stopwords ("Thank you, operator."),
                            or a courtesy ("thank you for joining us") */
    FEAT_SECTION = 32,   /* the first sentence of a section */
    FEAT_OPEN = 64       /* no final punctuation: a fragment, a line, a heading */
};
/* The kind of section a sentence is in. */
enum { SECTION_NONE, SECTION_BODY, SECTION_LEAD, SECTION_SKIP };

typedef struct sfeat {
    uint8_t bits;         /* FEAT_* */
    uint8_t section;      /* SECTION_*: of the last section heading before it */
    uint16_t ncite;       /* citation markers: "[12]", "(Smith et al., 2010)" */
    uint16_t nnum;        /* numbers */
} sfeat;

/* One word as it stands in the text, as tokenize.c read it (for
 * features.c, then for keywords). */
#define WORD_NOTERM UINT32_MAX
#define WORD_KW_STOP 1u   /* stopwords/keywords/: never part of a keyword */
#define WORD_KW_WEAK 2u   /* stopwords/keywords/, tagged ~: not a keyword alone */
typedef struct wordpos {
    uint32_t start, end;  /* bytes of the clean text */
    uint32_t term;        /* local term id, or WORD_NOTERM (stopword, too long) */
    uint8_t kw;           /* WORD_KW_* of a term */
    uint8_t roles;        /* CUE_* of the folded word (the lexicon's) */
    uint8_t flen;         /* its folded length in bytes; 0: not looked up (a filler
                             of speech, or longer than 128 bytes: roles unknown) */
} wordpos;

typedef struct doc {
    /* The input, as the caller gave it. */
    const char *src;
    size_t srclen;
    int format;           /* the summ_format it was read as */

    /* The clean text the stages read: src itself for plain text (map
     * NULL), else made by the format (map and blocks set). start skips a
     * BOM. */
    const char *text;
    size_t len, start;
    const srcmap *map;
    size_t nmap;
    const block *blocks;
    size_t nblocks;
    unsigned warnings;    /* SUMM_WARN_* the format found */
    bool unchecked;       /* src is not all UTF-8: an e-mail, whose parts say their
                             charsets, read by the e-mail reader, which decodes
                             each part in its own (summ__input_read) */
    bool conversation;    /* turns of speech (transcripts, subtitles): no lead
                             sums them up, and fillers are not content */
    const strset *fillers;  /* folded fillers ("um", "okay") of d->lang, set for a
                               conversation: not terms */

    arena *ar;
    const struct lang_info *lang;
    struct langres *lr;

    sentence *sent;
    size_t nsent, capsent;

    uint32_t *term;       /* document-local term ids, sentence after sentence */
    size_t nterm, capterm;
    size_t nvocab;        /* number of distinct terms */
    uint32_t *term_stem;  /* local term id -> stem id, nvocab entries */
    uint32_t *term_first; /* local term id -> byte offset of its first occurrence */

    bool keep_words;      /* set before tokenize(): keep word[] for keywords */
    wordpos *word;        /* every word of every sentence, in text order (tokenize.c;
                             freed after features.c unless keep_words) */
    size_t nword, capword;

    sfeat *feat;          /* per sentence, after features.c */
    double first_person;  /* the share of content sentences with FEAT_WE */
    size_t nsections;     /* section headings recognised (stopwords/cues/) */

    double *score;        /* per sentence, after score.c */
    size_t title;         /* index of the title sentence, or SIZE_MAX */

    size_t ndocs;         /* the texts the sentences are from (sentence.docno); 0 or 1: one */
    double *qrel;         /* per sentence, its TF-IDF cosine with the query; NULL: no query,
                             or none of its words in the text */
    double *teleport;     /* PageRank's jump distribution (sums to 1); NULL: uniform */
} doc;

#endif
