/* lang.c - the languages we know: codes, names, stemmers, and how words
 * are made in each. */
#include <string.h>
#include <strings.h>

#include "lang/lang.h"

/* en first: summ_languages() lists it first, as the default of old.
 * NULL snowball: libstemmer 2.2 has no algorithm for the language (Czech,
 * Polish, ... have none in Snowball at all): stopwords only. */
const lang_info summ__lang_table[] = {
    { "en", "english",    "English",    SCRIPT_LATIN },
    { "af", NULL,         "Afrikaans",  SCRIPT_LATIN },
    { "am", NULL,         "Amharic",    SCRIPT_OTHER },
    { "ar", "arabic",     "Arabic",     SCRIPT_OTHER },
    { "bg", NULL,         "Bulgarian",  SCRIPT_OTHER },
    { "bn", NULL,         "Bengali",    SCRIPT_OTHER },
    { "ca", "catalan",    "Catalan",    SCRIPT_LATIN },
    { "cs", NULL,         "Czech",      SCRIPT_LATIN },
    { "da", "danish",     "Danish",     SCRIPT_LATIN },
    { "de", "german",     "German",     SCRIPT_LATIN },
    { "el", "greek",      "Greek",      SCRIPT_OTHER },
    { "es", "spanish",    "Spanish",    SCRIPT_LATIN },
    { "et", NULL,         "Estonian",   SCRIPT_LATIN },
    { "eu", "basque",     "Basque",     SCRIPT_LATIN },
    { "fa", NULL,         "Persian",    SCRIPT_OTHER },
    { "fi", "finnish",    "Finnish",    SCRIPT_LATIN },
    { "fr", "french",     "French",     SCRIPT_LATIN },
    { "ga", "irish",      "Irish",      SCRIPT_LATIN },
    { "gl", NULL,         "Galician",   SCRIPT_LATIN },
    { "gu", NULL,         "Gujarati",   SCRIPT_OTHER },
    { "he", NULL,         "Hebrew",     SCRIPT_OTHER },
    { "hi", "hindi",      "Hindi",      SCRIPT_OTHER },
    { "hr", NULL,         "Croatian",   SCRIPT_LATIN },
    { "hu", "hungarian",  "Hungarian",  SCRIPT_LATIN },
    { "hy", "armenian",   "Armenian",   SCRIPT_OTHER },
    { "id", "indonesian", "Indonesian", SCRIPT_LATIN },
    { "it", "italian",    "Italian",    SCRIPT_LATIN },
    { "ja", NULL,         "Japanese",   SCRIPT_CJK },
    { "kk", NULL,         "Kazakh",     SCRIPT_OTHER },
    { "ko", NULL,         "Korean",     SCRIPT_OTHER },
    { "lt", "lithuanian", "Lithuanian", SCRIPT_LATIN },
    { "lv", NULL,         "Latvian",    SCRIPT_LATIN },
    { "mr", NULL,         "Marathi",    SCRIPT_OTHER },
    { "ne", "nepali",     "Nepali",     SCRIPT_OTHER },
    { "nl", "dutch",      "Dutch",      SCRIPT_LATIN },
    { "no", "norwegian",  "Norwegian",  SCRIPT_LATIN },
    { "pl", NULL,         "Polish",     SCRIPT_LATIN },
    { "pt", "portuguese", "Portuguese", SCRIPT_LATIN },
    { "ro", "romanian",   "Romanian",   SCRIPT_LATIN },
    { "ru", "russian",    "Russian",    SCRIPT_OTHER },
    { "sk", NULL,         "Slovak",     SCRIPT_LATIN },
    { "sl", NULL,         "Slovenian",  SCRIPT_LATIN },
    { "sr", "serbian",    "Serbian",    SCRIPT_OTHER },  /* Cyrillic and Latin */
    { "sv", "swedish",    "Swedish",    SCRIPT_LATIN },
    { "ta", "tamil",      "Tamil",      SCRIPT_OTHER },
    { "tr", "turkish",    "Turkish",    SCRIPT_LATIN },
    { "uk", NULL,         "Ukrainian",  SCRIPT_OTHER },
    { "ur", NULL,         "Urdu",       SCRIPT_OTHER },
    { "vi", NULL,         "Vietnamese", SCRIPT_LATIN },
    { "yi", "yiddish",    "Yiddish",    SCRIPT_OTHER },
    { "zh", NULL,         "Chinese",    SCRIPT_CJK },
    { NULL, NULL, NULL, SCRIPT_OTHER },
};

/* The same codes, for summ_languages(). */
const char *const summ__lang_codes[] = {
    "en", "af", "am", "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fa",
    "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "kk", "ko",
    "lt", "lv", "mr", "ne", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "ta",
    "tr", "uk", "ur", "vi", "yi", "zh", NULL,
};

const lang_info summ__lang_und = { "und", NULL, "undetermined", SCRIPT_OTHER };

/* Other names people use for a language we know. */
static const struct { const char *alias, *code; } lang_alias[] = {
    { "nb", "no" }, { "nn", "no" }, { "bokmal", "no" }, { "bokmål", "no" },
    { "zh-cn", "zh" }, { "zh-hans", "zh" }, { "zh-tw", "zh" }, { "zh-hant", "zh" },
    { "mandarin", "zh" }, { "farsi", "fa" }, { "iw", "he" }, { "slovene", "sl" },
};

const lang_info *
summ__lang_lookup(const char *name)
{
    if (!name)
        return NULL;
    if (strcasecmp(name, "none") == 0 || strcasecmp(name, "und") == 0)
        return &summ__lang_und;
    for (size_t i = 0; i < sizeof lang_alias / sizeof lang_alias[0]; i++) {
        if (strcasecmp(name, lang_alias[i].alias) == 0) {
            name = lang_alias[i].code;
            break;
        }
    }
    for (const lang_info *l = summ__lang_table; l->code; l++) {
        if (strcasecmp(name, l->code) == 0
            || (l->snowball && strcasecmp(name, l->snowball) == 0)
            || strcasecmp(name, l->name) == 0)
            return l;
    }
    /* A BCP 47 or POSIX tag with a region or script: "en-US", "pt_BR",
     * "sr-Latn", "de-DE.UTF-8". The language is what comes first. */
    size_t n = strcspn(name, "-_.@");
    if (n >= 2 && n <= 3 && name[n]) {
        char lang[4];
        memcpy(lang, name, n);
        lang[n] = '\0';
        for (const lang_info *l = summ__lang_table; l->code; l++)
            if (strcasecmp(lang, l->code) == 0)
                return l;
        if (strcasecmp(lang, "nb") == 0 || strcasecmp(lang, "nn") == 0)
            return summ__lang_by_code("no");
    }
    return NULL;
}

const lang_info *
summ__lang_by_code(const char *code)
{
    for (const lang_info *l = summ__lang_table; l->code; l++)
        if (strcmp(l->code, code) == 0)
            return l;
    return &summ__lang_und;
}

