package htmltext

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Class and id names are split into words ("PageBuilder-pageRow" is
// page, builder, page, row) and judged word by word: matching substrings
// instead would read "pageRow" as "pager". The words are the conventions of
// CMSs and front-end frameworks, not of any one site.
var (
	// boilerWords name blocks that are never article text.
	boilerWords = set("ad ads adv advert advertisement advertising banner breadcrumb breadcrumbs " +
		"comment comments community cookie cookies disqus footer masthead menu modal nav navbar " +
		"navigation newsletter outbrain pager pagination popup promo promotion related remark replies " +
		"rss share sharing shares shoutbox sidebar skyscraper social sponsor sponsored subscribe " +
		"subscription taboola toolbar tooltip signup recommended recommendations recirc trending popular " +
		"gdpr consent paywall login overlay credit credits")
	// boilerPrefixes catch compounds written as one word ("sharebar").
	boilerPrefixes = []string{"share", "social", "related", "comment", "sidebar", "newsletter",
		"advert", "sponsor", "subscri", "breadcrumb", "footer", "navbar", "navigation", "outbrain",
		"taboola", "recommend", "cookie", "popup", "promo", "caption", "byline"}
	// strongWords name boilerplate even beside a content word:
	// "post-most-popular-list" and "article-related" are not the article.
	strongWords = set("popular related trending recommended recommendations recirc comments " +
		"newsletter promo sponsored taboola outbrain sharing share social breadcrumb breadcrumbs")
	// weakWords lower a block's score without removing it.
	weakWords = set("author authors meta tags tag hidden hid " +
		"contact foot footnote media scroll shopping tool tools combx header aside figure more " +
		"date timestamp dateline widget widgets")
	// contentWords name the article's own containers.
	contentWords = set("article articles body content contents entry hentry main post story " +
		"text blog column page prose copy")
)

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// nameWords splits an element's class and id into lower-case words at
// punctuation, digits and camel-case humps.
func nameWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			words = splitName(a.Val, words)
		}
	}
	return words
}

func splitName(s string, words []string) []string {
	start := -1
	prevLower := false
	for i, r := range s {
		letter := r < 128 && unicode.IsLetter(r)
		switch {
		case !letter:
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
			}
			start = -1
		case start < 0:
			start = i
		case unicode.IsUpper(r) && prevLower:
			words = append(words, strings.ToLower(s[start:i]))
			start = i
		}
		prevLower = letter && unicode.IsLower(r)
	}
	if start >= 0 {
		words = append(words, strings.ToLower(s[start:]))
	}
	return words
}

func boilerplateName(words []string) bool {
	for _, w := range words {
		if boilerWords[w] {
			return true
		}
		for _, p := range boilerPrefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func strongName(words []string) bool {
	for _, w := range words {
		if strongWords[w] {
			return true
		}
	}
	return false
}

func weakName(words []string) bool {
	for _, w := range words {
		if weakWords[w] {
			return true
		}
	}
	return false
}

func contentName(words []string) bool {
	for _, w := range words {
		if contentWords[w] {
			return true
		}
	}
	return false
}

// adLabels are the words a page prints alone above or inside an ad slot.
var adLabels = set("advertisement advertisements advert ad ads sponsored anzeige werbung publicidade publicidad publicité реклама 广告 광고")
