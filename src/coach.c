/* coach: see coach.h. */
#include "coach.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "audit.h"
#include "util.h"

/*
 * The cue patterns. Every one is compiled caseless by check.h. Lists of
 * verbs and phrases come from how people tell STAR stories and from the
 * framework's credibility signals; they are deliberately plain so that a
 * failing corpus case can be traced to one alternative.
 */
enum coach_cue {
	COACH_CUE_LABEL_S,
	COACH_CUE_LABEL_T,
	COACH_CUE_LABEL_A,
	COACH_CUE_LABEL_R,
	COACH_CUE_S,
	COACH_CUE_T,
	COACH_CUE_A,
	COACH_CUE_R,
	COACH_CUE_MONEY,
	COACH_CUE_PERCENT,
	COACH_CUE_PEOPLE,
	COACH_CUE_TEAM_OF,
	COACH_CUE_TEAMS,
	COACH_CUE_METHOD,
	COACH_CUE_VALIDATION,
	COACH_CUE_ATTRIB_PCT,
	COACH_CUE_ATTRIB_WORD,
	COACH_CUE_TIMEFRAME,
	COACH_CUE_VAGUE,
	COACH_CUE_UP_TO,
	COACH_CUE_CONTEXT_AFTER,
	COACH_CUE_CONTEXT_BEFORE,
	COACH_CUE_L6_REACH,
	COACH_CUE_ONE_TEAM,
	COACH_CUE_MULTI_TEAM,
	COACH_CUE_CONSERVATIVE,
	COACH_CUE_COST_BEFORE,
	COACH_CUE_PROJECTION,
	COACH_CUE_RATE_PAIR,
	COACH_CUE_SHARE_AFTER,
	COACH_CUE_NEGATION,
	COACH_CUE_FIRST_PERSON,
	COACH_CUE_WE,
	COACH_CUE_VAGUE_ADV,
	COACH_CUE_HANDS_ON,
	COACH_CUE_COMPANY_WIDE,
	COACH_CUE_RECOVER,
	COACH_CUE_LOSS,
	COACH_CUE_NUMBER,
	COACH_CUE_PER_YEAR,
	COACH_CUE_RATE_BEFORE,
	COACH_CUE_PER_MONTH,
	COACH_CUE_LEAD,
	COACH_CUE_CHANGE,
	COACH_CUE_ISOLATED,
	COACH_CUE_VERB_FIRST,
	COACH_CUE_PAIR,
	COACH_CUE_CHANGE_BY,
	COACH_CUE_LEVEL_TO,
	COACH_CUE_LESSON,
	COACH_CUE_GOAL_AFTER,
	COACH_CUE_GOAL_BEFORE,
	COACH_CUE_MONEY_WORD,
	COACH_CUE_METHOD_WEAK,
	COACH_CUE_MEASURING,
	COACH_CUE_THRESHOLD_BEFORE,
	COACH_CUE_PROJECTION_ANY,
	COACH_CUE_RATE_AFTER,
	COACH_CUE_CHANGE_AFTER,
	COACH_CUE_FROM_TO,
	COACH_CUE_OTHER_PERIOD,
	COACH_NCUES
};

/* A label opens a line or follows the end of a sentence: "Situation:". */
#define COACH_LABEL(words)                                                                         \
	"(?:^|(?<=[.!?)])\\s+|(?<=\\n))[\\s*_#>-]*\\K(?:" words ")[*_]*\\s*[:\\x{2014}\\x{2013}]"

/* "15%", "15 %", "15 percent" */
#define COACH_PCT "(?:\\s?%|\\s+percent\\b)"

#define COACH_NUMWORD                                                                              \
	"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"                          \
	"fifteen|twenty|thirty|forty|fifty|a dozen|dozens of|hundreds of"

static const char *const coach_cue_src[COACH_NCUES] = {
    [COACH_CUE_LABEL_S] = "(?m)" COACH_LABEL("situation|context|background"),
    [COACH_CUE_LABEL_T] = "(?m)" COACH_LABEL("task|goal|objective"),
    [COACH_CUE_LABEL_A] = "(?m)" COACH_LABEL("actions?"),
    [COACH_CUE_LABEL_R] = "(?m)" COACH_LABEL("results?|outcome|impact"),
    [COACH_CUE_S] = "\\b(?:when I (?:joined|took over|started|inherited)|at the time|"
		    "back in|last year|in (?:19|20)\\d\\d|"
		    "the (?:problem|issue|challenge|context|situation|risk) (?:was|is)|"
		    "(?:was|were) (?:losing|experiencing|suffering|struggling|taking|"
		    "failing|costing|causing|missing|running|seeing|stuck|burning|"
		    "slipping|growing)|"
		    "we had (?:a|an|no)\\b|"
		    "I (?:was|am) (?:the|a|an) [\\w -]{0,30}?(?:manager|lead|director|owner|head))",
    [COACH_CUE_T] = "\\b(?:my (?:task|goal|job|mandate|responsibility|objective|charter|remit)|"
		    "the (?:goal|task|objective|target|mandate|ask) (?:was|became)|"
		    "I was (?:responsible|accountable|asked|tasked|charged|hired|brought in)|"
		    "(?:I|we) (?:needed|had) to|I owned|I set (?:a|the|out) (?:goal|target)|"
		    "our (?:goal|objective|target|mandate) was)",
    [COACH_CUE_A] = "\\b(?:I (?:led|built|designed|wrote|proposed|ran|drove|introduced|"
		    "implemented|organi[sz]ed|set up|started|created|hired|coached|"
		    "mentored|negotiated|convinced|partnered|worked|pushed|decided|chose|"
		    "split|moved|rewrote|instrumented|launched|established|coordinated|"
		    "aligned|brought|restructured|defined|shipped|migrated|automated|"
		    "prioriti[sz]ed|reviewed|escalated|paired|put|made|asked|met|"
		    "sponsored|funded|formed|championed|persuaded|modelled|modeled|"
		    "analy[sz]ed|dug|traced|audited|cut|replaced|redesigned|negotiated)|"
		    "we (?:built|designed|shipped|rolled out|implemented|migrated|"
		    "automated|launched|introduced|added|replaced|rewrote|moved|ran|"
		    "rebuilt|redesigned|created|removed|merged|consolidated|"
		    "instrumented|split))\\b",
    [COACH_CUE_R] =
	"\\b(?:as a result|the result|in the end|by the end|ultimately|"
	"outcome|result(?:ed)? in|"
	"(?:this|that|which|it|we) (?:cut|reduced|saved|increased|raised|"
	"improved|lifted|brought|freed|gave|recovered|grew|dropped|achieved|"
	"delivered|generated|protected|removed|enabled|went|halved|doubled|"
	"tripled|shortened|eliminated)|"
	"(?:saving|saved|generating|generated|recovering|recovered|protecting|"
	"protected|reducing|reduced|cutting|lifting|raising|increasing|"
	"improving|adding|added) [^.\\n]{0,40}\\d|"
	"went (?:down|up)|(?:fell|rose|dropped|grew|climbed|improved|increased|decreased) "
	"(?:from|to|by))",
    [COACH_CUE_MONEY] =
	"(?:\\b(?:at least|up to|as much as|over|more than|around|about|"
	"roughly|approximately|nearly|almost|close to|north of|upwards of)\\s+|~\\s?)?"
	"-?\\$\\s?\\d+(?:,\\d{3})*(?:\\.\\d+)?"
	"(?:\\s?(?:k|m|b|bn|mm|million|billion|thousand)\\b)?\\+?",
    [COACH_CUE_PERCENT] = "(?<![\\w.$])\\d+(?:\\.\\d+)?\\s?(?:%|percent\\b)",
    [COACH_CUE_PEOPLE] = "\\b(?:\\d+(?:,\\d{3})*|" COACH_NUMWORD ")\\+?\\s+"
			 "(?:(?:senior|junior|backend|back-end|frontend|front-end|mobile|"
			 "software|staff|principal|full-stack|platform|data|ml|infrastructure|"
			 "qa|test|other|more|new|additional|engineering|product|sre|devops|"
			 "ios|android|web|security|of my|of our|great|strong|talented)\\s+){0,2}"
			 "(?:engineers|developers|devs|sdes|people|reports|direct reports|"
			 "engineering managers|managers|ics|scientists)\\b",
    [COACH_CUE_TEAM_OF] = "(?<!control )(?<!test )(?<!treatment )(?<!focus )"
			  "\\b(?:team|org|organi[sz]ation|group) of (?:about |around |roughly |~)?"
			  "(?:\\d+(?:,\\d{3})*|" COACH_NUMWORD ")\\b",
    /* counted teams: "dozens of teams" in passing is not the candidate's scope */
    [COACH_CUE_TEAMS] = "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
			"fifteen|twenty|thirty|forty|fifty|several|multiple|many)\\+?\\s+"
			"(?:(?:engineering|product|partner|other|sister|dependent|platform|"
			"feature|service|scrum|agile|backend|frontend|mobile|infrastructure|"
			"different|separate|adjacent|peer|client|downstream|upstream|"
			"delivery|development|dev|more|front-end|back-end|full-stack|web|ios|"
			"android|qa|sre|data|ml)\\s+){0,2}"
			"(?:teams|squads|business units|departments|divisions|orgs|"
			"organi[sz]ations)\\b",
    [COACH_CUE_METHOD] = "(?:\\ba/?b[ -]?test(?:s|ed|ing)?\\b|\\ba/b\\b|\\bsplit[- ]test|"
			 "\\bexperiment(?:s|ed)?\\b|\\bcontrol (?:group|sites?|stores?|regions?|"
			 "markets?|warehouses?|arm|cell|cohort)|\\bas (?:a|the) control\\b|"
			 "\\bhold-?out\\b|"
			 "\\bbefore[ /-](?:and[ -])?after\\b|\\bbaseline\\b|"
			 "\\bpre[ /-]?(?:and[ -])?post\\b|"
			 "\\bcompared (?:it |this |that |them )?(?:to|with|against)\\b|"
			 "\\bmeasured\\b|\\binstrument(?:ed|ation)\\b|"
			 "\\bdashboards?\\b(?! (?:query|queries|page|pages|load))|"
			 "\\btelemetry\\b|\\bfinance[\\w ]{0,20}(?:validated|confirmed|signed off|"
			 "model(?:led)?|calculated|estimated|valued|priced)|\\bbilling (?:data|reports?)\\b|"
			 "\\bcloud bill|\\binvoices?\\b|\\bexit surveys?\\b|\\bsurvey(?:ed|s)?\\b|"
			 "\\bcohorts?\\b|\\bregression\\b|\\bcalculated\\b(?! risks?)|\\bcounted\\b|"
			 "\\bfrom (?:the )?logs\\b|(?<![<>=!])=(?![=>]))",
    [COACH_CUE_VALIDATION] =
	"\\b(?:(?:finance|fp&a|controller|cfo)[^.;!?\\n]{0,120}?(?:validated|valued|approved|"
	"confirmed|signed off|reviewed|checked|audited|agreed|verified|ran|attributed|"
	"estimated|calculated|modell?ed|measured|booked|reconciled|valuation|rebuilt|"
	"recomputed|re-?ran|redid|rebuilt)|"
	"(?:validated|confirmed|signed off|verified|audited|reviewed|checked) "
	"(?:it |them |the (?:numbers?|figures?|model|savings|calculation) )?"
	"(?:by|with) (?:the |our )?(?:finance|fp&a|cfo|controller|business|"
	"partners?|stakeholders?|product|sales|customers?|leadership|"
	"data science)|"
	"reconciled|cross-checked|peer[- ]reviewed|independently checked)",
    [COACH_CUE_ATTRIB_PCT] =
	"(?:\\b\\d{1,3}(?:\\.\\d+)?" COACH_PCT "[^.;\\n]{0,60}?\\b(?:attribut\\w*|"
	"credit\\w*|to (?:our|my) (?:team|work|change|project|fix|feature|"
	"platform|effort))|"
	"\\b(?:attribut\\w*|credit\\w*)\\b[^.;\\n]{0,60}?\\d{1,3}(?:\\.\\d+)?" COACH_PCT "|"
	"\\b(?:claim|count|take)\\w* (?:only )?(?:about |around )?"
	"\\d{1,3}(?:\\.\\d+)?" COACH_PCT " (?:of|for)\\b|"
	/* a share stated as a part of the outcome: "about 60% of it" */
	"\\b\\d{1,3}(?:\\.\\d+)?" COACH_PCT " of (?:it|that|this|the (?:gain|lift|"
	"uplift|increase|improvement|savings|impact|result|outcome|win)s?)\\b|"
	/* a share in dollars or in words: "attributed $12.9M of that to", "all of it to" */
	"\\b(?:attribut|credit|claim)\\w* (?:only |about |around |roughly )?(?:~?\\$[\\d.,]+\\s?"
	"(?:k|m|b|million|billion)?|all|most|half|a third|a quarter|(?:two|three)[ -]"
	"(?:thirds|quarters))\\b|\\b(?:I|we) (?:only )?count (?:~?\\$|\\d)|"
	"\\bnothing else\\b[^.;\\n]{0,40}?\\b(?:changed|shipped)|\\bno other (?:change|"
	"launch|release)s?\\b|"
	/* where the outcome came from, in words: "the whole reduction came from the
	   tiering change", "two-thirds of that comes from the service I built" */
	"\\b(?:the whole|all|(?:two|three)[ -](?:thirds|quarters)|half|most|a third|"
	"a quarter|\\d{1,3}(?:\\.\\d+)?" COACH_PCT ") (?:of )?(?:it|that|this|"
	"(?:(?:the|that|this) )?(?:saving|reduction|gain|lift|uplift|improvement|increase|"
	"drop|decrease|impact|result|outcome|growth|benefit|revenue)s?) "
	"(?:came|comes|come|is due|was due|is down to|was down to)"
	" (?:only |entirely |solely |directly )?(?:from|to)\\b|"
	"\\b(?:came|comes) (?:entirely|solely|wholly|only) from\\b|"
	/* other causes taken out: "excludes $30K a month ... that would have happened without us" */
	"\\bwould have happened (?:anyway|regardless|without (?:us|me|our|my|the))|"
	/* a share in the outcome's own units: "I claim 60 million calls a month of the 64 million drop" */
	"\\b(?:I|we) (?:only )?claim\\w* [^.;\\n]{0,50}?\\bof the\\b|"
	/* a share applied as the last factor of a written calculation, after an
	   amount: "$1.98M x 80% = $1.58M" (several percentages in a row do not
	   say which one is the team's share) */
	"(?<![%\\s])\\s*(?:\\x{00d7}|\\*|\\bx)\\s*\\d{1,3}(?:\\.\\d+)?\\s?%(?=\\s*=))",
    [COACH_CUE_ATTRIB_WORD] = "\\b(?:attribut\\w*|credit\\w*)",
    [COACH_CUE_TIMEFRAME] = "(?:\\b(?:annual(?:ly)?|annuali[sz]ed|per (?:year|annum|month|quarter|"
			    "week|day)|a (?:year|month|quarter|week)|each (?:year|month|quarter|"
			    "week)|every (?:year|month|quarter|week)|yearly|monthly|quarterly|"
			    "weekly|daily|year[- ]over[- ]year|recurring|"
			    "(?:within|over|in|after|for|across) (?:the |that |those )?"
			    "(?:first |next |following |last |past )?"
			    "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
			    "eighteen|a)[ -](?:days?|weeks?|months?|quarters?|years?)|"
			    "over (?:the|that|this) (?:year|quarter)|"
			    "(?:in|during|over|for|within) the (?:next |following |same |first |last |"
			    "previous |prior |)(?:week|month|quarter|half|year)|"
			    "the (?:next|following) (?:week|month|quarter|year)|"
			    "(?:by|in) (?:the end of )?q[1-4]|[qh][1-4] (?:19|20)\\d\\d|"
			    "in (?:19|20)\\d\\d)\\b|/(?:yr|year|mo|month)\\b)",
    [COACH_CUE_VAGUE] = "\\b(?:eventually(?! consistent)|over time|in the long (?:run|term)|someday|"
			"down the road|at some point|"
			"significant(?:ly)? (?:impact|improvement|savings|gains?|results?|"
			"value|boost|reduction|increase|revenue)|"
			"an? (?:huge|massive|big|large|major) (?:impact|improvement|win|"
			"difference|boost)|huge (?:impact|improvement|savings|gains?|win)|"
			"massive(?:ly)? (?:impact|improvement|savings|gains?)|"
			"dramatic(?:ally)?|a lot of (?:money|savings|revenue|value)|"
			"(?:sav(?:e|es|ed|ing)|free[ds]?|freeing) (?:up )?a lot of time|"
			"in the right direction|more (?:stable|reliable|robust|efficient)|sharply|"
			"thousands (?:of dollars )?(?:every|a|per|each)|potential(?:ly)? (?:downtime|"
			"savings|revenue|impact|losses)|a number of|"
			"encouraging|"
			"(?:results|numbers) were (?:strong|great|good|positive))\\b",
    [COACH_CUE_UP_TO] = "(?<!drifted )(?<!crept )(?<!rose )(?<!climbed )(?<!went )(?<!jumped )"
			"(?<!grew )(?<!spiked )(?<!ticked )(?<!shot )"
			/* a best case in dollars or percent, not "arrive up to 90 days late" */
			"\\b(?:up to|as much as)\\s+~?(?:\\$\\s?\\d+(?:,\\d{3})*(?:\\.\\d+)?"
			"(?:\\s?(?:k\\b|m\\b|b\\b|million\\b|billion\\b))?|"
			"\\d+(?:,\\d{3})*(?:\\.\\d+)?"
			"\\s?(?:%|k\\b|m\\b|b\\b|million\\b|billion\\b|x\\b|percent\\b))",
    [COACH_CUE_CONTEXT_AFTER] = "^[\\s-]*(?:of (?:that|it|this) (?:came|was|is)\\b|"
				"(?:[\\w-]+\\s+){0,2}?(?:gmv|arr|turnover|valuation|"
				"market cap|funding|in (?:annual )?sales|book of business|"
				"business(?!\\s+(?:value|impact|"
				"outcomes?|benefits?|results?|wins?))|budget|investment|market|"
				"opportunity|company|portfolio|p&l|division|revenue base|run-?rate|"
				"at risk|at stake|in daily transactions|in transactions|"
				"(?:a year |per year |annually |a month |per month |a day )?in "
				"(?:[\\w-]+ ){0,2}(?:payments|transactions|payment volume|gmv)|"
				"expansion opportunity|product line)\\b|"
				/* a unit price, not a result: "$12 a ticket", "$95 an hour" */
				"(?:a|an|per|each|every)\\s+(?!(?:year|month|quarter|week|day|annum|"
				"fiscal|calendar)\\b)[a-z]+\\b)",
    [COACH_CUE_CONTEXT_BEFORE] = "(?:\\bfrom|\\bfrom \\S+ to|\\bbudget of|\\bspend of|\\bout of|"
				 "\\bbase of|\\bexposure of|\\bat stake of|\\b(?:contract|account|customer|deal|client|retailer)\\b"
				 "[^.;!?\\n]{0,30}\\bworth)(?: about| around| roughly| over| more than| "
				 "nearly| almost| some)?\\s*~?\\s*$",
    [COACH_CUE_L6_REACH] = "\\b(?:industry[- ](?:wide|standards?|leading)|the (?:whole|entire) "
			   "(?:company|industry)|company[- ]wide|across the (?:whole |entire )?"
			   "company|board of directors|c-level|every business unit|"
			   "all business units|thought leader(?:ship)?)\\b",
    [COACH_CUE_ONE_TEAM] = "\\b(?:my team|our team|the team|a team of|one team|a single team|"
			   "my engineers|my squad)\\b",
    [COACH_CUE_MULTI_TEAM] = "\\b(?:teams|squads|business units|departments|divisions|org-wide|"
			     "organi[sz]ation(?:al)?|orgs|company-wide|across the (?:company|org)|"
			     "cross-org)\\b",
    [COACH_CUE_CONSERVATIVE] = "\\b(?:conservative(?:ly)?|at least|at a minimum)\\b",
    /* before a figure, in its sentence: what the problem cost */
    [COACH_CUE_COST_BEFORE] =
	"\\b(?:cost(?:s|ing)?|lost|losing|loss(?:es)? of|bleeding|burning|wasting|wasted|"
	"spent|spending|(?:put|puts|putting) [\\w ]{0,20}at risk|exposed|penalt(?:y|ies) of)"
	"\\b[^.;!?\\n]{0,40}$",
    [COACH_CUE_PROJECTION] =
	"\\b(?:will|would|could|should|expected|expects?|projected|projects?|forecast(?:ed|s)?|"
	"estimated to|on track to|aims? to|targets?|potential(?:ly)?|hoping|plan(?:ned|s)? to)"
	"\\b[^.;!?\\n]{0,50}$",
    /* a rate given with its own before and after: "from 3.40% to 3.47%" */
    [COACH_CUE_RATE_PAIR] = "\\d(?:[\\d.,]*\\d)?" COACH_PCT "\\s*(?:(?:down |up )?to|->|\\x{2192}|-|"
			    "\\x{2013}|against|vs\\.?|versus|compared (?:to|with))\\s*~?"
			    "\\d(?:[\\d.,]*\\d)?" COACH_PCT,
    /* a percentage with its base after it: "7% of queries", "a 5% holdout" */
    [COACH_CUE_SHARE_AFTER] = "^\\s*(?:of (?!(?:the |our )?(?:plan|target|goal|quota|forecast)\\b)"
			      "(?:the |our |all |its |their |those )?[a-z][\\w-]*|"
			      "(?:of (?:them|it|those) )?(?:came|come|comes|was|were) (?:from|due to|"
			      "caused by|down to)|(?:fell|fall|falls) into|belong(?:s|ed)? to|"
			      "(?:from|through|via) (?:the |our |their )?[a-z]+|"
			      "(?:[\\w-]+\\s+){0,2}(?:holdout|hold-out|sample|control group|"
			      "canary|rollout|rollouts|traffic))\\b",
    [COACH_CUE_NEGATION] = "\\b(?:never|not|no|without|didn't|did not|haven't|hadn't|wasn't|"
			   "weren't|couldn't|hardly|barely)\\b[^.;!?\\n]{0,30}$",
    [COACH_CUE_FIRST_PERSON] = "(?-i)\\b(?:I|I'm|I've|I'd|I'll|me|myself)\\b",
    [COACH_CUE_WE] = "\\b(?:we|we've|we'd|we're|us|our|ours|the team(?!\\s+leads?\\b|'s)|my team)\\b",
    [COACH_CUE_VAGUE_ADV] = "\\b(?:significantly|substantially|considerably|greatly|hugely|"
			    "tremendously|massively|ultimately|vastly|for a (?:short|long|brief) "
			    "(?:period|time|while)|in no time|much (?:faster|better|cheaper|quicker))\\b",
    [COACH_CUE_HANDS_ON] = "\\bI (?:personally |myself |then |just )?(?:wrote|coded|implemented|debugged|"
			   "fixed|refactored|rewrote|profiled|tuned|optimi[sz]ed|built|"
			   "patched|deployed|scripted|hacked|programmed|developed|prototyped|"
			   "picked|chose|traced|copied|instrumented|reproduced|"
			   "(?:went|dug) (?:straight )?(?:in)?to the (?:\\w+ )?(?:logs|code)|dug into|"
			   "put in (?:\\w+ ){0,2}(?:evenings|nights|weekends|hours|overtime)|"
			   "spent (?:\\w+ ){0,3}(?:days?|weeks?|nights?|hours?|evenings?|weekends?|"
			   "afternoons?))\\b",
    [COACH_CUE_COMPANY_WIDE] = "\\b(?:the company's|company[- ]wide|the (?:whole|entire) "
			       "(?:company|business|org(?:ani[sz]ation)?)|all of (?:amazon|the company)|"
			       "(?:company|group|firm)'s (?:revenue|growth|profit|margin|market share)|"
			       "(?:company|group|firm) (?:revenue|growth|profit|margin)|"
			       "the (?:business|company) (?:grew|doubled|tripled))\\b",
    [COACH_CUE_RECOVER] = "\\b(?:recover\\w*|regain\\w*|won back|win back|winning back|"
			  "sav(?:e|es|ed|ing)|protect\\w*|avoid\\w*|cut|cutting|reduc\\w*|lower(?:ed|ing)|"
			  "trimm\\w*|prevent\\w*|(?:additional|incremental|extra|more) revenue)\\b",
    [COACH_CUE_LOSS] = "\\b(?:loss(?:es)?|lost|losing|leak\\w*|cost(?:s|ing)? us|at risk)\\b",
    /* before a percentage in its sentence: a rate metric, a level not a change */
    [COACH_CUE_RATE_BEFORE] = "\\b(?:rate|rates|accuracy|conversion|retention|uptime|availability|"
			      "adoption|coverage|churn|utili[sz]ation|margin|precision|recall|"
			      "on[- ]time|crash[- ]free|success|share|which is|hit ratio|ctr|"
			      "nps|satisfaction|sla|abandonment|traffic|rollout|rolled out|"
			      "ramp(?:ed|ing)?|canary|staged|against|versus|vs|compared (?:to|with))"
			      "\\b[^.;!?\\n]{0,30}$",
    [COACH_CUE_PER_MONTH] = "\\b(?:a month|per month|monthly|each month|every month)\\b|/\\s?mo(?:nth)?\\b",
    /* leading others: what an L6 does beyond their own hands */
    [COACH_CUE_LEAD] = "\\b(?:I (?:led|managed|coordinated|hired|mentored|coached|"
		       "delegated|assigned|aligned|convinced|persuaded|set up|established|"
		       "introduced|ran|drove|rallied|brought|split|staffed|"
		       "paired|partnered|negotiated|worked (?:closely )?with|"
		       "organi[sz]ed (?:the |a )?(?:teams?|engineers|people|group|working group))|"
		       "my (?:engineers|reports|org|squad|group)|team of|"
		       "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten) "
		       "(?:engineers|developers|people|teams))\\b",
    /* a measured change in a Result */
    [COACH_CUE_CHANGE] = "\\b(?:fell|dropped|rose|grew|increased|decreased|reduced|cut|"
			 "improved|saved|saving|savings|recovered|went (?:up|down|from)|halved|"
			 "doubled|tripled|lifted|raised|shortened|lowered|eliminated|"
			 "from [^.;\\n]{1,30} to|(?:down|up) by|fewer|faster|slower|shorter|came down|"
			 "down to|up to|at \\d|was \\d|were \\d|is \\d|are \\d|zero|within \\d)\\b|"
			 "\\x{2192}|->",
    /* an experiment that isolates the change: its share is established */
    [COACH_CUE_ISOLATED] = "\\b(?:hold-?outs?|control (?:group|arm|sites?|stores?|regions?|markets?|"
			   "cohorts?|warehouses?)|(?:against|versus|with|to) (?:the )?"
			   "control|treatment (?:group|arm)|randomi[sz]ed|isolated the change)\\b",
    /* an action written as a fragment: "- Stood up an A/B framework" */
    [COACH_CUE_VERB_FIRST] = "(?m)^[\\s*\\x{2022}-]*(?:\\d+[.)]\\s*)?(?:[\\w ]{0,20}:\\s*)?"
			     "(?-i)[A-Z][a-z]+(?:ed|t|ran|ote|ook|ood|ew|ade|ent|ought|ilt|at|ut)\\b",
    /* a stated before and after: "from 12 to 2", "99.90% -> 99.97%", "against 4.1% in the holdout" */
    [COACH_CUE_PAIR] = "\\bfrom\\s+~?\\$?\\d[\\d.,]*\\s*(?:%|[kmb]\\b|ms\\b|s\\b|seconds?|"
		       "minutes?|hours?|days?|weeks?|million|points?)?\\s+(?:down |up )?to\\s+~?\\$?\\d|"
		       "\\d\\s*(?:%|[kmb]\\b|ms\\b|s\\b)?\\s*(?:\\x{2192}|->)\\s*~?\\$?\\d|"
		       "\\d\\s*%?\\s+(?:against|versus|vs\\.?) ~?\\$?\\d",
    [COACH_CUE_CHANGE_BY] = "\\bby (?:about |around |roughly |nearly |almost |over |up to |as much as |~)?$",
    [COACH_CUE_LEVEL_TO] = "\\b(?:(?:down|up|fell|rose|dropped|climbed|went|came|grew|improved|"
			   "increased|decreased|reduced|cut) (?:down |up )?to|(?:up|down) from|"
			   "(?:stayed|remained|held|holding|steady|flat|stuck|sat) at|reached|hit|"
			   "\\bfrom \\d[^.;!?\\n]{0,40} to(?: under| below| above| over| less than| "
			   "more than)?) (?:about |around |~)?$",
    [COACH_CUE_LESSON] = "\\b(?:I learned|I learnt|what I learned|taught me|the lesson|my lesson|"
			 "lessons? learned|takeaway|next time|in hindsight|looking back|I would now|"
			 "I'd do)\\b",
    /* a threshold, not a result: "alerting on any mismatch above 0.1%" */
    [COACH_CUE_THRESHOLD_BEFORE] = "\\b(?:any|every|each|if|when|whenever|once)\\b[^.;!?\\n]{0,60}"
				   "\\b(?:above|below|over|under|exceed(?:s|ed|ing)?|beyond|more than|"
				   "less than)\\s*$|"
				   /* a price term: "a discount of about 17%" */
				   "\\b(?:discount|premium|markup|mark-up|surcharge|commission|fee|raise)s? "
				   "of (?:about |around |roughly |~)?$",
    /*
     * method words that name a tool more often than a measurement ("a
     * dashboard query", "a survey and forty interviews", "a calculated
     * risk"): they count in the Result, in a sentence that tells a result,
     * or next to a word of measuring
     */
    [COACH_CUE_METHOD_WEAK] = "\\b(?:dashboards?|survey(?:ed|s)?|exit surveys?|experiment(?:s|ed)?|"
			      "instrument(?:ed|ation)|before[ /-](?:and[ -])?after|calculated|"
			      "counted|telemetry|regression|cohorts?|a/?b[ -]?tests?|"
			      "billing (?:data|reports?))\\b|"
			      "(?<![<>=!])=(?![=>])",
    [COACH_CUE_MEASURING] = "\\b(?:to measure|measur(?:e|ed|ing) (?:it|the|this|that|how)|"
			    "track(?:ed|ing|s)? (?:the|those|these|it|them|how)|compar(?:ed|ing) "
			    "[^.;!?\\n]{0,40}\\b(?:with|to|against)\\b)",
    [COACH_CUE_MONEY_WORD] = "\\b(?:costs?|spend(?:ing)?|revenue|sales|profits?|margins?|bills?|"
			     "budget|savings?|expenses?|opex|capex)\\b",
    /* a figure set as a goal: "my goal was to cut the bill by at least $500K" */
    [COACH_CUE_GOAL_BEFORE] = "\\b(?:my|our|the) (?:goal|target|aim|objective|mandate)\\b"
			      "[^.;!?\\n]{0,60}$",
    [COACH_CUE_GOAL_AFTER] = "^\\s*(?:goal|target|threshold|sla|objective|budget|cap|limit|"
			     "(?:price )?(?:premium|discount|markup|mark-up|surcharge|commission|"
			     "fee|raise|bonus|price increase|price cut)s?|of (?:the )?(?:plan|target|"
			     "goal|quota|forecast)|"
			     "in (?:the )?(?:control|holdout|treatment|test|experiment)"
			     "(?: group| arm| cell)?)\\b",
    /* "66% in the new flow against 58% in the holdout", "84%, up from 61%" */
    [COACH_CUE_RATE_AFTER] = "^[^.;!?\\n]{0,30}?\\b(?:against|versus|vs\\.?|compared (?:to|with)|"
			     "up from|down from)\\s*~?\\d|"
			     "^[^.;!?\\n]{0,40}?\\bthan (?:in |for |with )?(?:the )?(?:holdout|hold-out|"
			     "control|baseline)\\b|"
			     "^\\s*(?:higher|lower|better|worse|up|down|more|less)?\\s*(?:in|for) (?:the )?"
			     "(?:treatment|test|experiment|variant|holdout|hold-out|control)\\b|^\\s*(?:\\w+\\s+)?(?:success rate|availability|"
			     "uptime|accuracy|error rate|conversion(?: rate)?|hit rate|utili[sz]ation|"
			     "retention|occupancy|completion)\\b",
    /* a percentage that names a change: "a 50% reduction", "60% fewer" */
    [COACH_CUE_CHANGE_AFTER] = "^\\s*(?:reduction|drop|decrease|cut|fewer|less|lower|increase|"
			       "improvement|more|growth|gain|rise|jump|faster|slower|smaller|"
			       "larger|higher)\\b",
    /* a before and after in plain numbers: "from 400 hosts to 260" */
    [COACH_CUE_FROM_TO] = "\\bfrom\\s+\\d[\\d,]*(?:\\.\\d+)?(?:s|ms|h|k|m|%)?(?:\\s+[a-z-]+){0,2}?\\s+to\\s+"
			  "(?:under |below |over |above |about |around |~)?\\d[\\d,]*(?:\\.\\d+)?",
    [COACH_CUE_PROJECTION_ANY] = "\\b(?:will|could|would|expected to|expect|projected|forecast\\w*|"
				 "on track to|should (?:save|reach|bring|deliver))\\b",
    [COACH_CUE_OTHER_PERIOD] = "\\b(?:(?:per|a|an|each|every) (?:minute|hour|day|week|month|quarter)|"
			       "monthly|weekly|daily|hourly|quarterly)\\b",
    [COACH_CUE_PER_YEAR] = "\\b(?:a year|per year|per annum|annual(?:ly)?|yearly|each year|every year)\\b",
    [COACH_CUE_NUMBER] = "(?<![\\w.])\\d|\\b(?:twice|double[ds]?|half|tripled?|halved)\\b",
};

struct coach {
	struct check_re *cue[COACH_NCUES]; /* owned, compiled from coach_cue_src */
};

static const char *const coach_kind_names[COACH_NKINDS] = {
    [COACH_MISSING_STAR] = "missing_star",
    [COACH_MISSING_POINT] = "missing_point",
    [COACH_ROUND_NUMBER] = "round_number",
    [COACH_VAGUE_TIMEFRAME] = "vague_timeframe",
    [COACH_NO_METHOD] = "no_method",
    [COACH_NO_ATTRIBUTION] = "no_attribution",
    [COACH_UP_TO] = "up_to",
    [COACH_OVERREACH] = "overreach",
    [COACH_UNDERSELL] = "undersell",
    [COACH_ARITHMETIC] = "arithmetic",
    [COACH_TOO_LONG] = "too_long",
    [COACH_TOO_SHORT] = "too_short",
    [COACH_NO_ABSOLUTE] = "no_absolute",
    [COACH_NO_VALIDATION] = "no_validation",
    [COACH_NO_FIGURES] = "no_figures",
    [COACH_STAR_BALANCE] = "star_balance",
    [COACH_NO_OWNERSHIP] = "no_ownership",
    [COACH_NO_OUTCOME] = "no_outcome",
    [COACH_INCONSISTENT] = "inconsistent",
    [COACH_UNVERIFIABLE] = "unverifiable",
    [COACH_IC_SCOPE] = "ic_scope",
};

static const char *const coach_role_names[] = {
    [COACH_ROLE_OUTCOME] = "outcome",	    [COACH_ROLE_CONTEXT] = "context",
    [COACH_ROLE_BASELINE] = "baseline",	    [COACH_ROLE_COST] = "cost",
    [COACH_ROLE_PROJECTION] = "projection", [COACH_ROLE_RATE] = "rate",
    [COACH_ROLE_SHARE] = "share",	    [COACH_ROLE_COUNT] = "count",
};

static const char *const coach_part_names[COACH_NPARTS] = {"situation", "task", "action", "result"};

/* Level thresholds from the framework. */
#define COACH_L6_REACH_DOLLARS 10e6 /* L6 claiming this much needs a method */
#define COACH_L6_MAX_ENGINEERS 50   /* more is L7 influence */
#define COACH_L6_MAX_TEAMS 4	    /* 5+ teams is L7 coordination */
#define COACH_L7_MIN_DOLLARS 5e6    /* an L7 story below this thinks small */

/* One stretch of the answer: a sentence, or a labelled block's sentence. */
struct coach_seg {
	size_t start, end; /* byte range in the answer */
	int part;	   /* enum coach_part, or -1 when unplaced */
	bool by_cue;	   /* placed by a label or a cue, not by position */
	size_t words;
};

/* A stretch of the answer: bytes [start, end). */
struct coach_span {
	size_t start, end;
};

/*
 * Working state of one analysis. Every pass over the text is linear: the
 * cues match text, which is valid UTF-8 (checked once), segments and
 * attribution spans are in text order and looked up by bisection, and the
 * arrays grow by doubling.
 */
struct coach_run {
	const struct coach *c;
	const char *answer; /* the bytes analysed, as given: quotes copy them */
	const char *text;   /* what the cues match: answer, or scrubbed */
	char *scrubbed;	    /* owned; answer with each byte that is not valid
			       UTF-8 made a '?', or NULL when it is all valid */
	size_t len;
	const struct coach_options *opt;
	struct coach_result *r;
	size_t figures_cap, findings_cap; /* slots allocated in r */
	struct coach_seg *segs;		  /* by start, not overlapping */
	size_t nsegs, segs_cap;
	size_t nlabels;
	/* spans of attribution phrases ("60% attributed to ..."), to tell an
	   attribution share from a metric; by start, not overlapping */
	struct coach_span *attr;
	size_t nattr, attr_cap;
};

/*
 * Returns the array p (n elements of size bytes, *cap allocated) with room
 * for one more: doubled when full, so appending stays linear.
 */
static void *
coach_grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	return xrealloc(p, *cap * size);
}

/* ------------------------------------------------------------------ */
/* small helpers                                                       */

const char *
coach_kind_name(enum coach_kind k)
{
	return (unsigned)k < COACH_NKINDS ? coach_kind_names[k] : "unknown";
}

int
coach_kind_from_name(const char *name)
{
	for (int k = 0; k < COACH_NKINDS; k++)
		if (strcmp(coach_kind_names[k], name) == 0)
			return k;
	return -1;
}

const char *
coach_part_name(enum coach_part p)
{
	return (unsigned)p < COACH_NPARTS ? coach_part_names[p] : "unknown";
}

const char *
coach_level_name(enum coach_level l)
{
	return l == COACH_L7 ? "L7" : "L6";
}

int
coach_level_from_name(const char *name)
{
	if (strcasecmp(name, "L6") == 0)
		return COACH_L6;
	if (strcasecmp(name, "L7") == 0)
		return COACH_L7;
	return -1;
}

const char *
coach_figure_role_name(enum coach_figure_role r)
{
	if ((size_t)r >= ARRAY_LEN(coach_role_names))
		return "unknown";
	return coach_role_names[r];
}

const char *
coach_figure_kind_name(enum coach_figure_kind k)
{
	switch (k) {
	case COACH_FIG_MONEY:
		return "money";
	case COACH_FIG_PERCENT:
		return "percent";
	case COACH_FIG_ENGINEERS:
		return "engineers";
	case COACH_FIG_TEAMS:
		return "teams";
	}
	return "unknown";
}

void
coach_level_words(enum coach_level level, size_t *min, size_t *max)
{
	/* L6: 2-3 minutes, L7: 3-4 minutes, spoken. */
	size_t lo = level == COACH_L7 ? 3 : 2;
	*min = lo * COACH_WORDS_PER_MINUTE;
	*max = (lo + 1) * COACH_WORDS_PER_MINUTE;
}

static bool
coach_is_word_byte(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '_' || ch >= 0x80;
}

static bool
coach_is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Counts the spoken words of s[0..n): tokens with a letter or a digit. */
static size_t
coach_count_words(const char *s, size_t n)
{
	size_t words = 0;
	size_t i = 0;

	while (i < n) {
		bool counts = false;
		while (i < n && coach_is_space(s[i]))
			i++;
		if (i >= n)
			break;
		while (i < n && !coach_is_space(s[i])) {
			unsigned char ch = (unsigned char)s[i];
			/* ASCII letters and digits, and UTF-8 lead bytes of
			   letters; the U+2000 punctuation block (0xE2) is not */
			if ((coach_is_word_byte(ch) && ch < 0x80 && ch != '_') ||
			    (ch >= 0xC3 && ch != 0xE2))
				counts = true;
			i++;
		}
		if (counts)
			words++;
	}
	return words;
}

/*
 * Matches re on text[from..end) of the run (end: the text's length, a
 * segment's end or a match's bounds, never inside a character), as a
 * subject of its own: ^ and \b see its start as the start of a text.
 * from is moved off UTF-8 continuation bytes first. The text is valid
 * UTF-8, so the match reads only what it needs: a loop over every match
 * of a cue is one pass over the text.
 */
static bool
coach_match(const struct coach_run *run, const struct check_re *re, size_t from, size_t end,
	    size_t *ms, size_t *me)
{
	while (from < end && ((unsigned char)run->text[from] & 0xC0) == 0x80)
		from++;
	assert(end == run->len || ((unsigned char)run->text[end] & 0xC0) != 0x80);
	if (from >= end)
		return false;
	if (check_re_match_valid(re, run->text + from, end - from, ms, me) != 1)
		return false;
	*ms += from;
	*me += from;
	return true;
}

/* The next match of cue in text[from..end), as coach_match. */
static bool
coach_next(const struct coach_run *run, enum coach_cue cue, size_t from, size_t end, size_t *ms,
	   size_t *me)
{
	return coach_match(run, run->c->cue[cue], from, end, ms, me);
}

/* Where to look for the next match after one that ended at me. */
static size_t
coach_after(const char *text, size_t len, size_t ms, size_t me)
{
	size_t next = me > ms ? me : ms + 1;
	/* do not restart inside a word: \b would see a false boundary */
	while (next < len && next > 0 && coach_is_word_byte((unsigned char)text[next - 1]) &&
	       coach_is_word_byte((unsigned char)text[next]))
		next++;
	return next;
}

static bool
coach_has(const struct coach_run *run, enum coach_cue cue, size_t start, size_t end)
{
	size_t ms, me;
	return coach_next(run, cue, start, end, &ms, &me);
}

static void coach_add(struct coach_run *run, enum coach_kind kind, size_t offset, size_t qlen,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Appends a finding quoting text[offset..offset+qlen). */
static void
coach_add(struct coach_run *run, enum coach_kind kind, size_t offset, size_t qlen, const char *fmt,
	  ...)
{
	struct coach_result *r = run->r;
	struct coach_finding *f;
	struct sbuf msg = {0};
	va_list ap;

	r->findings =
	    coach_grow(r->findings, r->nfindings, &run->findings_cap, sizeof(*r->findings));
	f = &r->findings[r->nfindings++];
	f->kind = kind;
	f->wrong = false;
	f->offset = qlen > 0 ? offset : 0;
	f->quote = xstrndup(run->answer + offset, qlen);
	va_start(ap, fmt);
	sbuf_vprintf(&msg, fmt, ap);
	va_end(ap);
	f->message = sbuf_take(&msg);
}

static void
coach_add_figure(struct coach_run *run, enum coach_figure_kind kind, double value, size_t offset,
		 size_t len)
{
	struct coach_result *r = run->r;
	struct coach_figure *fig;

	r->figures = coach_grow(r->figures, r->nfigures, &run->figures_cap, sizeof(*r->figures));
	fig = &r->figures[r->nfigures++];
	fig->kind = kind;
	fig->role = kind == COACH_FIG_ENGINEERS || kind == COACH_FIG_TEAMS ? COACH_ROLE_COUNT
									  : COACH_ROLE_OUTCOME;
	fig->value = value;
	fig->claim = false;
	fig->offset = offset;
	fig->len = len;
}

/* The segment holding byte offset, or NULL (segments are in text order). */
static const struct coach_seg *
coach_seg_at(const struct coach_run *run, size_t offset)
{
	size_t lo = 0, hi = run->nsegs; /* the first segment starting after offset */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (run->segs[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && offset < run->segs[lo - 1].end ? &run->segs[lo - 1] : NULL;
}

/* Is byte offset inside an attribution phrase (spans are in text order)? */
static bool
coach_in_attribution(const struct coach_run *run, size_t offset)
{
	size_t lo = 0, hi = run->nattr; /* the first span starting after offset */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (run->attr[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && offset < run->attr[lo - 1].end;
}

/* Writes a money figure the way a packet would, for messages. */
static void
coach_money(double v, char *buf, size_t len)
{
	amount_format(v, AMOUNT_MONEY, buf, len);
}

/* ------------------------------------------------------------------ */
/* structure                                                           */

struct coach_label {
	size_t start, end; /* the label's bytes, "Situation:" */
	int part;
};

static int
coach_label_cmp(const void *a, const void *b)
{
	const struct coach_label *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* Adds text[start..end) as a segment if it holds a word. */
static void
coach_push_seg(struct coach_run *run, const struct coach_label *labels, size_t nlabels,
	       size_t start, size_t end)
{
	size_t words = coach_count_words(run->text + start, end - start);
	size_t lo = 0, hi = nlabels;
	struct coach_seg *s;

	if (words == 0)
		return;
	run->segs = coach_grow(run->segs, run->nsegs, &run->segs_cap, sizeof(*run->segs));
	s = &run->segs[run->nsegs++];
	s->start = start;
	s->end = end;
	s->part = -1;
	s->by_cue = false;
	s->words = words;
	/* the first label at or after start (labels are sorted by start) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (labels[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* a segment opening with a label: the label is not a spoken word */
	if (lo < nlabels && labels[lo].start < end) {
		s->part = labels[lo].part;
		s->by_cue = true;
		s->words--;
	}
}

/*
 * Cuts the answer into segments: sentences (ended by . ! or ? before white
 * space, or by a line break), and a new segment at every STAR label.
 */
static void
coach_segment(struct coach_run *run)
{
	const char *t = run->text;
	size_t len = run->len;
	struct coach_label *labels = NULL;
	size_t nlabels = 0, li = 0, cap = 0;
	size_t start = 0;

	for (int p = 0; p < COACH_NPARTS; p++) {
		size_t from = 0, ms, me;
		while (coach_next(run, COACH_CUE_LABEL_S + p, from, len, &ms, &me)) {
			labels = coach_grow(labels, nlabels, &cap, sizeof(*labels));
			labels[nlabels].start = ms;
			labels[nlabels].end = me;
			labels[nlabels].part = p;
			nlabels++;
			from = coach_after(t, len, ms, me);
		}
	}
	if (nlabels > 1)
		qsort(labels, nlabels, sizeof(*labels), coach_label_cmp);
	run->nlabels = nlabels;

	for (size_t i = 0; i < len; i++) {
		if (li < nlabels && labels[li].start == i) {
			coach_push_seg(run, labels, nlabels, start, i);
			start = i;
			while (li < nlabels && labels[li].start <= i)
				li++;
		}
		if (t[i] == '\n') {
			coach_push_seg(run, labels, nlabels, start, i);
			start = i + 1;
		} else if ((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
			   (i + 1 == len || coach_is_space(t[i + 1]))) {
			coach_push_seg(run, labels, nlabels, start, i + 1);
			start = i + 1;
		}
	}
	coach_push_seg(run, labels, nlabels, start, len);
	free(labels);
}

/* Places every segment in a STAR part and marks the parts present. */
static void
coach_structure(struct coach_run *run)
{
	struct coach_result *r = run->r;
	int cur = -1;
	bool seen_cue = false;
	size_t opening_words = 0;

	coach_segment(run);
	r->labelled = run->nlabels > 0;

	/* presence: a label or a cue anywhere; once an answer labels its parts,
	   a Result (or Situation, Action) without its label is missing */
	for (int p = 0; p < COACH_NPARTS; p++)
		if (coach_has(run, COACH_CUE_LABEL_S + p, 0, run->len) ||
		    (coach_has(run, COACH_CUE_S + p, 0, run->len) &&
		     (run->nlabels == 0 || p == COACH_TASK)))
			r->star[p] = true;

	for (size_t i = 0; i < run->nsegs; i++) {
		struct coach_seg *s = &run->segs[i];
		if (r->labelled) {
			if (s->part >= 0)
				cur = s->part;
			else
				s->part = cur;
		} else {
			/* the earliest cue in the sentence decides */
			size_t best = (size_t)-1;
			for (int p = 0; p < COACH_NPARTS; p++) {
				size_t ms, me;
				if (coach_next(run, COACH_CUE_S + p, s->start, s->end, &ms, &me) &&
				    ms < best) {
					best = ms;
					s->part = p;
				}
			}
			if (s->part >= 0) {
				s->by_cue = true;
				cur = s->part;
				seen_cue = true;
			} else if (!seen_cue) {
				/* the opening of a story is its context */
				s->part = COACH_SITUATION;
				opening_words += s->words;
			} else {
				s->part = cur;
			}
		}
		r->words += s->words;
		if (s->part >= 0)
			r->star_words[s->part] += s->words;
	}
	if (!r->labelled && opening_words >= 8)
		r->star[COACH_SITUATION] = true;
	/*
	 * Told without labels, a story of four sentences or more that shows
	 * what was done ends with what came of it, cue or not ("We resolved
	 * the incident."); its first sentence sets the scene even when it
	 * opens with "I led ...".
	 */
	if (!r->labelled && run->nsegs >= 4 && r->star[COACH_ACTION]) {
		size_t k = run->nsegs - 1;
		/* a closing lesson is not the result */
		while (k > 0 && coach_has(run, COACH_CUE_LESSON, run->segs[k].start, run->segs[k].end))
			k--;
		struct coach_seg *last = &run->segs[k];
		if (!r->star[COACH_RESULT] && last->part != COACH_RESULT) {
			if (last->part >= 0)
				r->star_words[last->part] -= last->words;
			last->part = COACH_RESULT;
			r->star_words[COACH_RESULT] += last->words;
			r->star[COACH_RESULT] = true;
		}
		r->star[COACH_SITUATION] = true;
	}
	for (int p = 0; p < COACH_NPARTS; p++)
		r->star_share[p] = r->words > 0 ? (double)r->star_words[p] / (double)r->words : 0.0;
	r->minutes = (double)r->words / COACH_WORDS_PER_MINUTE;
}

static void
coach_check_structure(struct coach_run *run)
{
	struct coach_result *r = run->r;
	size_t min, max;
	static const char *const advice[COACH_NPARTS] = {
	    "set the scene: the team, the product and what was at stake",
	    "say what you personally owned and how success was defined",
	    "say what you did, in the first person, step by step",
	    "end with what changed, in numbers, over a stated period",
	};

	coach_level_words(r->level, &min, &max);
	if (r->words < min)
		coach_add(run, COACH_TOO_SHORT, 0, 0,
			  "About %.1f minutes spoken (%zu words); an %s answer "
			  "should take %zu-%zu minutes (%zu-%zu words).",
			  r->minutes, r->words, coach_level_name(r->level),
			  min / COACH_WORDS_PER_MINUTE, max / COACH_WORDS_PER_MINUTE, min, max);
	else if (r->words > max)
		coach_add(run, COACH_TOO_LONG, 0, 0,
			  "About %.1f minutes spoken (%zu words); an %s answer "
			  "should take %zu-%zu minutes: cut context first.",
			  r->minutes, r->words, coach_level_name(r->level),
			  min / COACH_WORDS_PER_MINUTE, max / COACH_WORDS_PER_MINUTE);

	/*
	 * An answer told without labels usually carries its task in the
	 * situation or the first action; only a labelled answer that leaves
	 * the Task out is told so.
	 */
	for (int p = 0; p < COACH_NPARTS; p++)
		if (!r->star[p] && (p != COACH_TASK || r->labelled))
			coach_add(run, COACH_MISSING_STAR, 0, 0, "No %s: %s.", coach_part_names[p],
				  advice[p]);

	/* the shares of an answer without labels are a guess: no advice on them */
	if (r->words >= 60 && r->labelled) {
		if (r->star_share[COACH_SITUATION] > 0.4)
			coach_add(run, COACH_STAR_BALANCE, 0, 0,
				  "The situation takes %.0f%% of the answer; "
				  "keep the context to about a fifth.",
				  100 * r->star_share[COACH_SITUATION]);
		if (r->star[COACH_ACTION] && r->star_share[COACH_ACTION] < 0.2)
			coach_add(run, COACH_STAR_BALANCE, 0, 0,
				  "The action is only %.0f%% of the answer; it "
				  "should be the longest part.",
				  100 * r->star_share[COACH_ACTION]);
	}
}

/*
 * Marks the question's key points covered: a pattern matches the answer,
 * or an amount condition is met by one of the figures the amount reader
 * finds in it ("$42 million" meets "money >= $10M").
 */
static void
coach_check_points(struct coach_run *run)
{
	const struct coach_question *q = run->opt->question;
	struct coach_result *r = run->r;
	struct amount_figure *figs = NULL;
	size_t nfigs = 0, cap = 0;
	bool read = false;

	if (q == NULL || q->npoints == 0)
		return;
	r->npoints = q->npoints;
	r->covered = xcalloc(q->npoints, sizeof(*r->covered));
	for (size_t i = 0; i < q->npoints; i++) {
		const struct coach_point *pt = &q->points[i];
		char cond[AMOUNT_FORMAT_MAX + 32];

		if (pt->cond != NULL && !read) {
			/* the amount reader wants a C string: NUL bytes become spaces */
			char *t = xmalloc(run->len + 1);
			size_t pos = 0;
			struct amount_figure f;
			memcpy(t, run->text, run->len);
			t[run->len] = '\0';
			for (size_t k = 0; k < run->len; k++)
				if (t[k] == '\0')
					t[k] = ' ';
			while (amount_next_figure(t, run->len, &pos, &f)) {
				figs = coach_grow(figs, nfigs, &cap, sizeof(*figs));
				figs[nfigs++] = f;
			}
			free(t);
			read = true;
		}
		if (pt->cond != NULL) {
			for (size_t k = 0; k < nfigs && !r->covered[i]; k++)
				r->covered[i] = amount_cond_met(pt->cond, &figs[k]);
		} else if (pt->re != NULL) {
			r->covered[i] =
			    check_re_match_valid(pt->re, run->text, run->len, NULL, NULL) == 1;
		}
		if (r->covered[i])
			continue;
		if (pt->cond != NULL) {
			amount_cond_format(pt->cond, cond, sizeof(cond));
			coach_add(run, COACH_MISSING_POINT, 0, 0,
				  "Key point not covered: %s (no figure of the answer meets %s).",
				  pt->label ? pt->label : "(unnamed)", cond);
		} else {
			coach_add(run, COACH_MISSING_POINT, 0, 0, "Key point not covered: %s.",
				  pt->label ? pt->label : "(unnamed)");
		}
	}
	free(figs);
}

/* ------------------------------------------------------------------ */
/* figures                                                             */

/* Significant digits of the first number in s[0..n) as written. */
static int
coach_sig_digits(const char *s, size_t n)
{
	char digits[64];
	size_t nd = 0, i = 0;
	bool point = false;
	int sig;

	while (i < n && !(s[i] >= '0' && s[i] <= '9'))
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (nd < sizeof(digits) - 1)
				digits[nd++] = s[i];
		} else if (s[i] == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
			point = true;
		} else if (s[i] != ',') {
			break;
		}
	}
	digits[nd] = '\0';
	{
		size_t a = 0, b = nd;
		while (a < b && digits[a] == '0')
			a++;
		if (!point)
			while (b > a && digits[b - 1] == '0')
				b--;
		sig = (int)(b - a);
	}
	return sig;
}

/* Reads a count written in digits or words ("12", "two", "a dozen"). */
static bool
coach_read_count(const char *s, size_t n, double *out)
{
	static const struct {
		const char *word;
		const char *digits;
	} words[] = {
	    {"one", "1"},      {"two", "2"},	  {"three", "3"},      {"four", "4"},
	    {"five", "5"},     {"six", "6"},	  {"seven", "7"},      {"eight", "8"},
	    {"nine", "9"},     {"ten", "10"},	  {"eleven", "11"},    {"twelve", "12"},
	    {"fifteen", "15"}, {"twenty", "20"},  {"thirty", "30"},    {"forty", "40"},
	    {"fifty", "50"},   {"a dozen", "12"}, {"dozens of", "24"}, {"hundreds of", "200"},
	    {"several", "3"},  {"multiple", "3"}, {"many", "3"},
	};
	char buf[32];
	size_t k = 0;
	struct amount a;

	for (size_t i = 0; i < ARRAY_LEN(words); i++) {
		size_t wl = strlen(words[i].word);
		if (n >= wl && strncasecmp(s, words[i].word, wl) == 0 &&
		    (n == wl || !coach_is_word_byte((unsigned char)s[wl]))) {
			snprintf(buf, sizeof(buf), "%s", words[i].digits);
			goto parse;
		}
	}
	while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ',')) {
		if (k == sizeof(buf) - 1)
			return false; /* far too large to be a count; never cut short */
		buf[k] = s[k];
		k++;
	}
	buf[k] = '\0';
	if (k == 0)
		return false;
parse:
	if (amount_parse(buf, AMOUNT_COUNT, &a, NULL, 0) != 0)
		return false;
	*out = a.value;
	return true;
}

/* Appends ch to the string buf[0..*k); false (buf unchanged) when it is full. */
static bool
coach_put(char *buf, size_t size, size_t *k, char ch)
{
	if (*k + 1 >= size)
		return false;
	buf[(*k)++] = ch;
	buf[*k] = '\0';
	return true;
}

/* The start of the sentence (segment) holding offset, or 0. */
static size_t
coach_sentence_start(const struct coach_run *run, size_t offset)
{
	const struct coach_seg *s = coach_seg_at(run, offset);

	return s != NULL ? s->start : 0;
}

/* Does a cue anchored at the end ("...$") match the sentence up to offset? */
static bool
coach_before(const struct coach_run *run, enum coach_cue cue, size_t offset)
{
	size_t a, b, start = coach_sentence_start(run, offset);

	return coach_next(run, cue, start, offset, &a, &b);
}

/* Is the money figure at [ms, me) context rather than an outcome claimed? */
static bool
coach_is_context(struct coach_run *run, size_t ms, size_t me)
{
	const struct coach_seg *s = coach_seg_at(run, ms);
	size_t ws, a, b;

	/* in a labelled answer, every sentence under "Situation:" is situation */
	if (s != NULL && (s->by_cue || run->nlabels > 0) &&
	    (s->part == COACH_SITUATION || s->part == COACH_TASK))
		return true;
	if (coach_next(run, COACH_CUE_CONTEXT_AFTER, me, run->len, &a, &b))
		return true;
	ws = ms > 40 ? ms - 40 : 0;
	return coach_next(run, COACH_CUE_CONTEXT_BEFORE, ws, ms, &a, &b);
}

/*
 * The role of a money figure: the cost of the problem, a baseline, other
 * context, a projection or an outcome. Only outcomes and projections are
 * claims.
 */
static void
coach_money_role(struct coach_run *run, struct coach_figure *f, size_t ms, size_t me)
{
	const struct coach_seg *s = coach_seg_at(run, ms);
	bool outcome_words = s != NULL && coach_has(run, COACH_CUE_RECOVER, s->start, s->end);
	/* "That cut our annual return costs by $2.6M": a cost cut is an outcome */

	if (coach_before(run, COACH_CUE_GOAL_BEFORE, ms))
		f->role = COACH_ROLE_CONTEXT;
	else if (coach_before(run, COACH_CUE_COST_BEFORE, ms) && !outcome_words)
		f->role = COACH_ROLE_COST;
	else if (coach_is_context(run, ms, me))
		f->role = coach_before(run, COACH_CUE_CONTEXT_BEFORE, ms) ? COACH_ROLE_BASELINE
									   : COACH_ROLE_CONTEXT;
	else if (coach_before(run, COACH_CUE_PROJECTION, ms))
		f->role = COACH_ROLE_PROJECTION;
	else
		f->role = COACH_ROLE_OUTCOME;
	f->claim = f->role == COACH_ROLE_OUTCOME || f->role == COACH_ROLE_PROJECTION;
}

static void
coach_find_money(struct coach_run *run)
{
	const char *t = run->text;
	size_t from = 0, ms, me;

	while (coach_next(run, COACH_CUE_MONEY, from, run->len, &ms, &me)) {
		char buf[64] = "";
		size_t k = 0;
		bool cut = false;
		const char *dollar = memchr(t + ms, '$', me - ms);
		size_t p = (size_t)(dollar - t);
		struct amount a;

		from = coach_after(t, run->len, ms, me);
		if (p > ms && t[p - 1] == '-')
			coach_put(buf, sizeof(buf), &k, '-');
		for (; p < me && !cut; p++)
			if (t[p] != ' ' && t[p] != '+')
				cut = !coach_put(buf, sizeof(buf), &k, t[p]);
		/* a figure too long for buf is not read rather than read cut short */
		if (cut || amount_parse(buf, AMOUNT_MONEY, &a, NULL, 0) != 0)
			continue;
		coach_add_figure(run, COACH_FIG_MONEY, a.value, ms, me - ms);
		coach_money_role(run, &run->r->figures[run->r->nfigures - 1], (size_t)(dollar - t), me);
	}
}

/* Is [ms, me) inside a match of cue in its sentence? */
static bool
coach_inside(const struct coach_run *run, enum coach_cue cue, size_t ms, size_t me)
{
	const struct coach_seg *s = coach_seg_at(run, ms);
	size_t from = s != NULL ? s->start : 0, end = s != NULL ? s->end : run->len, a, b;

	while (coach_next(run, cue, from, end, &a, &b)) {
		if (a <= ms && b >= me)
			return true;
		if (a >= me)
			return false;
		from = coach_after(run->text, run->len, a, b);
	}
	return false;
}

/*
 * The role of a percentage: a share (an attribution, "a 5% holdout"), a
 * rate given with its own before and after ("3.40% to 3.47%"), or an
 * outcome. Attribution spans are found before the figures.
 */
static void
coach_percent_role(struct coach_run *run, struct coach_figure *f, size_t me)
{
	size_t a, b;

	const struct coach_seg *sg = coach_seg_at(run, f->offset);

	if (coach_in_attribution(run, f->offset) ||
	    coach_next(run, COACH_CUE_SHARE_AFTER, me, run->len, &a, &b) ||
	    (sg != NULL && coach_has(run, COACH_CUE_ATTRIB_WORD, sg->start, sg->end)))
		f->role = COACH_ROLE_SHARE; /* "we attribute 70% of it to A and 30% to B" */
	else if (coach_next(run, COACH_CUE_GOAL_AFTER, me, run->len, &a, &b) ||
		 coach_before(run, COACH_CUE_THRESHOLD_BEFORE, f->offset) ||
		 (sg != NULL && (sg->part == COACH_SITUATION || sg->part == COACH_TASK)))
		f->role = COACH_ROLE_CONTEXT; /* a goal, or the state before */
	else if (coach_before(run, COACH_CUE_CHANGE_BY, f->offset))
		f->role = COACH_ROLE_OUTCOME; /* "churn fell by 12%": a change, of what? */
	else if (coach_inside(run, COACH_CUE_RATE_PAIR, f->offset, me) ||
		 coach_next(run, COACH_CUE_RATE_AFTER, me, sg != NULL ? sg->end : run->len, &a, &b) ||
		 coach_before(run, COACH_CUE_RATE_BEFORE, f->offset) ||
		 coach_before(run, COACH_CUE_LEVEL_TO, f->offset))
		f->role = COACH_ROLE_RATE;
	else
		f->role = COACH_ROLE_OUTCOME;
}

static void
coach_find_percent(struct coach_run *run)
{
	const char *t = run->text;
	size_t from = 0, ms, me;

	while (coach_next(run, COACH_CUE_PERCENT, from, run->len, &ms, &me)) {
		char buf[48] = "";
		size_t k = 0;
		bool cut = false;
		struct amount a;

		from = coach_after(t, run->len, ms, me);
		for (size_t p = ms; p < me && !cut; p++)
			if (t[p] != ' ')
				cut = !coach_put(buf, sizeof(buf), &k, t[p]);
		/* a figure too long for buf is not read rather than read cut short */
		if (cut || amount_parse(buf, AMOUNT_PERCENT, &a, NULL, 0) != 0)
			continue;
		coach_add_figure(run, COACH_FIG_PERCENT, a.value, ms, me - ms);
		coach_percent_role(run, &run->r->figures[run->r->nfigures - 1], me);
	}
}

static int
coach_figure_cmp(const void *a, const void *b)
{
	const struct coach_figure *x = a, *y = b;
	return (x->offset > y->offset) - (x->offset < y->offset);
}

/*
 * Does [ms, me) overlap one of the first n figures? They are sorted by
 * offset, and reach[k] is the furthest end among the first k + 1.
 */
static bool
coach_overlaps_figure(const struct coach_run *run, const size_t *reach, size_t n, size_t ms,
		      size_t me)
{
	size_t lo = 0, hi = n; /* the first figure starting at or after me */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (run->r->figures[mid].offset < me)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && reach[lo - 1] > ms;
}

/* People and team counts: "12 engineers", "team of 6", "3 teams". */
static void
coach_find_counts(struct coach_run *run, enum coach_cue cue, enum coach_figure_kind kind)
{
	const char *t = run->text;
	struct coach_result *r = run->r;
	size_t from = 0, ms, me, n = r->nfigures;
	size_t *reach = xmalloc((n ? n : 1) * sizeof(*reach));

	/* the figures found before, for overlap tests; the matches of this
	   cue cannot overlap each other */
	if (n > 1)
		qsort(r->figures, n, sizeof(*r->figures), coach_figure_cmp);
	for (size_t i = 0; i < n; i++) {
		size_t end = r->figures[i].offset + r->figures[i].len;
		reach[i] = i > 0 && reach[i - 1] > end ? reach[i - 1] : end;
	}
	while (coach_next(run, cue, from, run->len, &ms, &me)) {
		size_t p = ms;
		double v;

		from = coach_after(t, run->len, ms, me);
		if (coach_overlaps_figure(run, reach, n, ms, me))
			continue;
		if (cue == COACH_CUE_TEAM_OF) {
			/* the number is the match's last word */
			p = me;
			while (p > ms && !coach_is_space(t[p - 1]) && t[p - 1] != '~')
				p--;
			/* "a dozen" is two words */
			if (p > ms + 2 && strncasecmp(t + p - 2, "a ", 2) == 0)
				p -= 2;
		}
		if (!coach_read_count(t + p, me - p, &v))
			continue;
		coach_add_figure(run, kind, v, ms, me - ms);
	}
	free(reach);
}

static void
coach_find_figures(struct coach_run *run)
{
	size_t from = 0, ms, me;

	while (coach_next(run, COACH_CUE_ATTRIB_PCT, from, run->len, &ms, &me)) {
		run->attr = coach_grow(run->attr, run->nattr, &run->attr_cap, sizeof(*run->attr));
		run->attr[run->nattr].start = ms;
		run->attr[run->nattr].end = me;
		run->nattr++;
		from = coach_after(run->text, run->len, ms, me);
	}
	coach_find_money(run);
	coach_find_percent(run);
	coach_find_counts(run, COACH_CUE_PEOPLE, COACH_FIG_ENGINEERS);
	coach_find_counts(run, COACH_CUE_TEAM_OF, COACH_FIG_ENGINEERS);
	coach_find_counts(run, COACH_CUE_TEAMS, COACH_FIG_TEAMS);
	if (run->r->nfigures > 1)
		qsort(run->r->figures, run->r->nfigures, sizeof(*run->r->figures),
		      coach_figure_cmp);
}

/* ------------------------------------------------------------------ */
/* credibility                                                         */

/* Is there a number in text[s..e) that is not a percentage or a year? */
static bool
coach_has_absolute(const struct coach_run *run, size_t s, size_t e)
{
	const char *t = run->text;
	size_t i = s;

	while (i < e) {
		size_t a, b;
		bool year;
		if (!(t[i] >= '0' && t[i] <= '9') ||
		    (i > s && (coach_is_word_byte((unsigned char)t[i - 1]) || t[i - 1] == '.' ||
			       t[i - 1] == ','))) {
			i++;
			continue;
		}
		a = i;
		while (i < e && ((t[i] >= '0' && t[i] <= '9') ||
				 ((t[i] == '.' || t[i] == ',') && i + 1 < e && t[i + 1] >= '0' &&
				  t[i + 1] <= '9')))
			i++;
		b = i;
		while (i < e && t[i] == ' ')
			i++;
		if (i < e && t[i] == '%')
			continue;
		if (e - i >= 7 && strncasecmp(t + i, "percent", 7) == 0)
			continue;
		year = b - a == 4 && (t[a] == '1' || t[a] == '2') &&
		       (t[a + 1] == '9' || t[a + 1] == '0');
		if (!year)
			return true;
	}
	return false;
}

/*
 * Clauses of a sentence are cut at commas, semicolons and " and ".
 * coach_clause_start: where the clause holding offset begins (not before
 * start); coach_clause_stop: where the clause holding offset ends (not
 * after end).
 */
static size_t
coach_clause_start(const struct coach_run *run, size_t start, size_t offset)
{
	const char *t = run->text;

	while (offset > start && t[offset - 1] != ',' && t[offset - 1] != ';' &&
	       !(offset - start >= 5 && strncmp(t + offset - 5, " and ", 5) == 0))
		offset--;
	return offset;
}

static size_t
coach_clause_stop(const struct coach_run *run, size_t offset, size_t end)
{
	const char *t = run->text;

	while (offset < end && t[offset] != ',' && t[offset] != ';' &&
	       !(end - offset >= 5 && strncmp(t + offset, " and ", 5) == 0))
		offset++;
	return offset;
}

/* Does the clause at offset restate the one before it ("..., a saving of $470,000")? */
static bool
coach_apposition(const struct coach_run *run, size_t offset, size_t end)
{
	static const char *const lead[] = {"a ", "an ", "or ", "roughly ", "about ", "around ",
					   "nearly ", "almost ", "that is ", "i.e. ", "from ",
					   "up from ", "down from ",
					   "some ", "close to "};
	const char *t = run->text;

	while (offset < end && t[offset] == ' ')
		offset++;
	for (size_t i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
		size_t n = strlen(lead[i]);
		if (end - offset >= n && strncasecmp(t + offset, lead[i], n) == 0)
			return true;
	}
	return false;
}

/* The largest money claim, or NULL. */
static const struct coach_figure *
coach_biggest_claim(const struct coach_run *run, bool firm_first)
{
	const struct coach_result *r = run->r;
	const struct coach_figure *best = NULL;
	bool best_up_to = true;

	/* with firm_first, a figure said as "up to" counts only when nothing
	   firmer is claimed */
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const char *q = run->text + f->offset;
		bool up_to = strncasecmp(q, "up to", 5) == 0 || strncasecmp(q, "as much", 7) == 0;
		if (f->kind != COACH_FIG_MONEY || !f->claim)
			continue;
		if (!firm_first)
			up_to = false;
		if (best == NULL || (best_up_to && !up_to) ||
		    (best_up_to == up_to && fabs(f->value) > fabs(best->value))) {
			best = f;
			best_up_to = up_to;
		}
	}
	return best;
}

/* The first figure that is a metric (money or a percentage that is not an
   attribution share), or NULL. */
static const struct coach_figure *
coach_first_metric(const struct coach_run *run)
{
	for (size_t i = 0; i < run->r->nfigures; i++) {
		const struct coach_figure *f = &run->r->figures[i];
		if ((f->kind == COACH_FIG_MONEY && f->claim) ||
		    (f->kind == COACH_FIG_PERCENT && f->role == COACH_ROLE_OUTCOME))
			return f;
	}
	return NULL;
}

/*
 * Whether the sentence holding offset states a before and after, the
 * measurement of that figure ("brought latency down from 3 s to 800 ms").
 */
static bool
coach_pair_near(const struct coach_run *run, size_t offset)
{
	const struct coach_seg *sg = coach_seg_at(run, offset);

	return sg != NULL && (coach_has(run, COACH_CUE_PAIR, sg->start, sg->end) ||
			      coach_has(run, COACH_CUE_FROM_TO, sg->start, sg->end));
}

/*
 * A before and after stated in the Result ("deploy time from 4 hours to 20
 * minutes"): for an answer whose figures are percentages, the measurement
 * behind them.
 */
static bool
coach_result_pair(const struct coach_run *run)
{
	for (size_t i = 0; i < run->nsegs; i++) {
		const struct coach_seg *sg = &run->segs[i];
		if (sg->part == COACH_RESULT &&
		    (coach_has(run, COACH_CUE_PAIR, sg->start, sg->end) ||
		     coach_has(run, COACH_CUE_FROM_TO, sg->start, sg->end)))
			return true;
	}
	return false;
}

/* Is a percentage about money ("cut infrastructure cost by 40%")? */
static bool
coach_money_clause(const struct coach_run *run, const struct coach_figure *f)
{
	const struct coach_seg *sg = coach_seg_at(run, f->offset);

	return sg != NULL &&
	       coach_has(run, COACH_CUE_MONEY_WORD, coach_clause_start(run, sg->start, f->offset),
			 coach_clause_stop(run, f->offset + f->len, sg->end));
}

/* Any dollar figure or percentage, whatever its role. */
static bool
coach_any_figure(const struct coach_run *run)
{
	for (size_t i = 0; i < run->r->nfigures; i++)
		if (run->r->figures[i].kind == COACH_FIG_MONEY ||
		    run->r->figures[i].kind == COACH_FIG_PERCENT)
			return true;
	return false;
}

/* Does the sentence sg hold a figure that tells a result (not a cost or a count)? */
static bool
coach_seg_has_result_figure(const struct coach_run *run, const struct coach_seg *sg)
{
	for (size_t i = 0; i < run->r->nfigures; i++) {
		const struct coach_figure *f = &run->r->figures[i];
		if (f->offset >= sg->start && f->offset < sg->end &&
		    (f->role == COACH_ROLE_OUTCOME || f->role == COACH_ROLE_PROJECTION ||
		     f->role == COACH_ROLE_RATE || f->role == COACH_ROLE_BASELINE ||
		     f->role == COACH_ROLE_SHARE))
			return true;
	}
	return false;
}

/*
 * A measurement method named, not denied ("we never really measured it
 * formally" names none), and about the result: in the Result, or in a
 * sentence that tells one. "A migration guide with before-and-after
 * examples" or "I ran a survey" among the actions measure nothing.
 */
static bool
coach_has_method(const struct coach_run *run)
{
	size_t from = 0, ms, me;

	while (coach_next(run, COACH_CUE_METHOD, from, run->len, &ms, &me)) {
		const struct coach_seg *sg = coach_seg_at(run, ms);
		from = coach_after(run->text, run->len, ms, me);
		if (coach_before(run, COACH_CUE_NEGATION, ms))
			continue;
		if (sg == NULL || sg->part == COACH_RESULT || coach_seg_has_result_figure(run, sg) ||
		    coach_has(run, COACH_CUE_MEASURING, sg->start, sg->end) ||
		    (sg->part != COACH_SITUATION && sg->part != COACH_TASK &&
		     !coach_inside(run, COACH_CUE_METHOD_WEAK, ms, me)))
			return true;
	}
	return false;
}

static void
coach_check_credibility(struct coach_run *run)
{
	struct coach_result *r = run->r;
	const struct coach_figure *big = coach_biggest_claim(run, true);
	const struct coach_figure *metric = coach_first_metric(run);
	const struct coach_figure *about = big != NULL ? big : metric;
	const struct coach_figure *result_pct = NULL;
	const struct coach_seg *seen = NULL;	     /* the sentence of the last figure */
	bool conservative = false, absolute = false; /* what seen says */
	size_t from, ms, me;

	r->has_method = coach_has_method(run);
	r->has_validation = coach_has(run, COACH_CUE_VALIDATION, 0, run->len);
	/* a holdout or a controlled experiment isolates the change's share */
	r->has_attribution = run->nattr > 0 || coach_has(run, COACH_CUE_ISOLATED, 0, run->len);
	r->has_timeframe = coach_has(run, COACH_CUE_TIMEFRAME, 0, run->len);

	/* round and hedged dollar claims; figures are in text order, so the
	   sentence last looked at is the one to look at again */
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const char *q = run->text + f->offset;
		const struct coach_seg *s;
		bool hedged, best;

		if (f->kind != COACH_FIG_MONEY || !f->claim)
			continue;
		s = coach_seg_at(run, f->offset);
		if (s != seen) {
			seen = s;
			conservative =
			    s != NULL && coach_has(run, COACH_CUE_CONSERVATIVE, s->start, s->end);
		}
		if (conservative)
			continue;
		/* the best case ("up to $2M") is up_to's; a round one is round too */
		best = strncasecmp(q, "up to", 5) == 0 || strncasecmp(q, "as much", 7) == 0;
		/* a hedge on a precise figure ("about $2.35M") is modesty, not a guess */
		hedged = q[0] != '$' && q[0] != '-' && !best && coach_sig_digits(q, f->len) <= 2;
		if (hedged && fabs(f->value) >= 1e5)
			coach_add(run, COACH_ROUND_NUMBER, f->offset, f->len,
				  "\"%.*s\" sounds estimated; give the figure you "
				  "measured (\"$2.34M\", not \"over $2M\").",
				  (int)f->len, q);
		else if (coach_sig_digits(q, f->len) <= 1 && fabs(f->value) >= 1e5)
			coach_add(run, COACH_ROUND_NUMBER, f->offset, f->len,
				  "\"%.*s\" is a round number and sounds like a "
				  "guess; say the measured figure (\"$4.7M\") or "
				  "call it a conservative floor.",
				  (int)f->len, q);
	}

	/* "up to" */
	from = 0;
	while (coach_next(run, COACH_CUE_UP_TO, from, run->len, &ms, &me)) {
		coach_add(run, COACH_UP_TO, ms, me - ms,
			  "\"%.*s\" quotes the best case; claim the floor "
			  "instead (\"at least ...\").",
			  (int)(me - ms), run->text + ms);
		from = coach_after(run->text, run->len, ms, me);
	}

	/* vague words, then figures with no period */
	from = 0;
	while (coach_next(run, COACH_CUE_VAGUE, from, run->len, &ms, &me)) {
		const struct coach_seg *vs = coach_seg_at(run, ms);
		/* describing the problem is not claiming an outcome */
		if (vs == NULL || !vs->by_cue ||
		    (vs->part != COACH_SITUATION && vs->part != COACH_TASK))
			coach_add(run, COACH_VAGUE_TIMEFRAME, ms, me - ms,
				  "\"%.*s\" is not a measurement; say how much and "
				  "over what period (\"18%% over 6 months\").",
				  (int)(me - ms), run->text + ms);
		from = coach_after(run->text, run->len, ms, me);
	}
	from = 0;
	while (coach_next(run, COACH_CUE_VAGUE_ADV, from, run->len, &ms, &me)) {
		const struct coach_seg *vs = coach_seg_at(run, ms);
		/*
		 * A goal may be vague ("cut storage cost substantially"), and so
		 * may the problem or an action ("spot capacity, which was much
		 * cheaper"); a result may not.
		 */
		/* "ultimately" orders events; the others measure, so their own
		   clause must say how much */
		bool when = me - ms == 10 && strncasecmp(run->text + ms, "ultimately", 10) == 0;
		if (vs == NULL ||
		    (vs->part == COACH_RESULT &&
		     !coach_has(run, COACH_CUE_NUMBER,
				when ? vs->start : coach_clause_start(run, vs->start, ms),
				when ? vs->end : coach_clause_stop(run, me, vs->end))))
			coach_add(run, COACH_VAGUE_TIMEFRAME, ms, me - ms,
				  "\"%.*s\" says how it felt, not what changed: give the "
				  "figure and the period (\"p99 latency from 900 ms to 210 ms "
				  "over 6 weeks\").",
				  (int)(me - ms), run->text + ms);
		from = coach_after(run->text, run->len, ms, me);
	}
	if (about != NULL && !r->has_timeframe)
		coach_add(run, COACH_VAGUE_TIMEFRAME, about->offset, about->len,
			  "\"%.*s\" has no period: say whether it is annual, "
			  "monthly or one-time, and when it was measured.",
			  (int)about->len, run->text + about->offset);

	if (about != NULL && about->role == COACH_ROLE_PROJECTION)
		coach_add(run, COACH_NO_METHOD, about->offset, about->len,
			  "\"%.*s\" is a forecast, not a measurement: say how it was "
			  "estimated, and what has been measured so far.",
			  (int)about->len, run->text + about->offset);
	else if (about != NULL && !r->has_method && !coach_pair_near(run, about->offset) &&
		 !(about->kind == COACH_FIG_PERCENT && coach_result_pair(run) &&
		   !coach_money_clause(run, about)))
		coach_add(run, COACH_NO_METHOD, about->offset, about->len,
			  "Nothing says how \"%.*s\" was measured: give the before "
			  "and after and over what period, or the calculation that "
			  "gives it.",
			  (int)about->len, run->text + about->offset);

	for (size_t i = 0; i < r->nfigures && result_pct == NULL; i++) {
		const struct coach_seg *s = coach_seg_at(run, r->figures[i].offset);
		if (r->figures[i].kind == COACH_FIG_PERCENT && s != NULL &&
		    s->part == COACH_RESULT && r->figures[i].role == COACH_ROLE_OUTCOME)
			result_pct = &r->figures[i];
	}
	if (big == NULL && result_pct != NULL)
		about = result_pct;
	if ((big != NULL || result_pct != NULL) && !r->has_attribution) {
		if (coach_next(run, COACH_CUE_ATTRIB_WORD, 0, run->len, &ms, &me))
			coach_add(run, COACH_NO_ATTRIBUTION, ms, me - ms,
				  "Attribution is mentioned but not quantified: "
				  "say what share of the outcome is your "
				  "team's, as a percentage, and why.");
		else
			coach_add(run, COACH_NO_ATTRIBUTION, about->offset, about->len,
				  "\"%.*s\" is claimed in full: say what share of it "
				  "your work drove, as a percentage, and what separates "
				  "it from other causes (a holdout, the change's own "
				  "before and after).",
				  (int)about->len, run->text + about->offset);
	}

	if (big != NULL && !r->has_validation)
		coach_add(run, COACH_NO_VALIDATION, big->offset, big->len,
			  "Nobody else checked \"%.*s\": say who validated it "
			  "(finance, the owner of the budget or the revenue line) "
			  "and against what data.",
			  (int)big->len, run->text + big->offset);

	/* percentages with no absolute number in the same sentence */
	seen = NULL;
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const struct coach_seg *s = coach_seg_at(run, f->offset);
		if (f->kind != COACH_FIG_PERCENT || s == NULL || f->role != COACH_ROLE_OUTCOME)
			continue;
		{
			/* the clause of the percentage, with a clause that restates it */
			size_t cs = coach_clause_start(run, s->start, f->offset);
			size_t ce = coach_clause_stop(run, f->offset + f->len, s->end);
			if (ce < s->end && run->text[ce] == ',' && coach_apposition(run, ce + 1, s->end))
				ce = coach_clause_stop(run, ce + 1, s->end);
			if (cs > s->start && run->text[cs - 1] == ',' &&
			    coach_apposition(run, cs, s->end))
				cs = coach_clause_start(run, s->start, cs - 1);
			seen = s;
			absolute = coach_has_absolute(run, cs, ce) ||
				   coach_has(run, COACH_CUE_PAIR, cs, ce) ||
				   coach_has(run, COACH_CUE_FROM_TO, cs, ce);
		}
		if (absolute)
			continue;
		coach_add(run, COACH_NO_ABSOLUTE, f->offset, f->len,
			  "\"%.*s\" of what? Give the absolute numbers behind it: "
			  "the before and after (users, orders, dollars, hours).",
			  (int)f->len, run->text + f->offset);
		/* one per sentence is enough */
		while (i + 1 < r->nfigures && coach_seg_at(run, r->figures[i + 1].offset) == s)
			i++;
	}

	if (!coach_any_figure(run) && !run->opt->followup)
		coach_add(run, COACH_NO_FIGURES, 0, 0,
			  "No dollar figure and no percentage: quantify the "
			  "result.");
}

/* ------------------------------------------------------------------ */
/* scope                                                               */

/*
 * A result that many people moved ("the company's revenue", "adopted
 * company-wide") told as a result: in the Result or beside a result figure,
 * not "I proposed a company-wide fix".
 */
static bool
coach_company_result(const struct coach_run *run, size_t *ms, size_t *me)
{
	size_t from = 0;

	while (coach_next(run, COACH_CUE_COMPANY_WIDE, from, run->len, ms, me)) {
		const struct coach_seg *sg = coach_seg_at(run, *ms);
		if (sg == NULL || sg->part == COACH_RESULT || coach_seg_has_result_figure(run, sg))
			return true;
		from = coach_after(run->text, run->len, *ms, *me);
	}
	return false;
}

static void
coach_check_scope(struct coach_run *run)
{
	struct coach_result *r = run->r;
	const struct coach_figure *big = coach_biggest_claim(run, false);
	const struct coach_figure *most_people = NULL, *most_teams = NULL;
	char money[AMOUNT_FORMAT_MAX];
	size_t ms, me;

	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		if (f->kind == COACH_FIG_ENGINEERS &&
		    (most_people == NULL || f->value > most_people->value))
			most_people = f;
		if (f->kind == COACH_FIG_TEAMS &&
		    (most_teams == NULL || f->value > most_teams->value))
			most_teams = f;
	}

	if (r->level == COACH_L6) {
		if (big != NULL && big->value >= COACH_L6_REACH_DOLLARS && !r->has_method) {
			coach_money(big->value, money, sizeof(money));
			coach_add(run, COACH_OVERREACH, big->offset, big->len,
				  "An L6 claiming %s with no method reads as "
				  "reaching too high: show the calculation or "
				  "claim the share you can defend ($1M-$5M is "
				  "the L6 range).",
				  money);
		}
		if (most_people != NULL && most_people->value > COACH_L6_MAX_ENGINEERS)
			coach_add(run, COACH_OVERREACH, most_people->offset, most_people->len,
				  "\"%.*s\" is L7 scope; an L6 influences 15-50 "
				  "engineers: say who you led directly.",
				  (int)most_people->len, run->text + most_people->offset);
		if (most_teams != NULL && most_teams->value > COACH_L6_MAX_TEAMS)
			coach_add(run, COACH_OVERREACH, most_teams->offset, most_teams->len,
				  "\"%.*s\" is L7 coordination; an L6 story "
				  "usually spans 2-3 teams.",
				  (int)most_teams->len, run->text + most_teams->offset);
		if (coach_next(run, COACH_CUE_L6_REACH, 0, run->len, &ms, &me))
			coach_add(run, COACH_OVERREACH, ms, me - ms,
				  "\"%.*s\" claims influence beyond an L6 role; "
				  "back it with evidence or stay at team scope.",
				  (int)(me - ms), run->text + ms);
		return;
	}

	if (big != NULL && big->value < COACH_L7_MIN_DOLLARS) {
		coach_money(big->value, money, sizeof(money));
		coach_add(run, COACH_UNDERSELL, big->offset, big->len,
			  "At L7 the biggest claim is %s: under $5M reads as "
			  "L6 work. Show the business value beyond the direct "
			  "technical saving ($10M+ is the L7 range).",
			  money);
	}
	if (big == NULL && !run->opt->followup && r->words >= 60 &&
	    (most_teams == NULL || most_teams->value < 2) &&
	    (most_people == NULL || most_people->value < COACH_L6_MAX_ENGINEERS) &&
	    !coach_has(run, COACH_CUE_MULTI_TEAM, 0, run->len) &&
	    !coach_has(run, COACH_CUE_L6_REACH, 0, run->len)) {
		coach_add(run, COACH_UNDERSELL, 0, 0,
			  "Nothing here is at L7 scale: no business result in dollars and no "
			  "organisation beyond one team. Say what it was worth and who else "
			  "it changed.");
		return;
	}
	/* a claim in the L7 range carries a one-team story */
	if ((big == NULL || big->value < COACH_L7_MIN_DOLLARS) &&
	    (most_teams == NULL || most_teams->value < 2) &&
	    (most_people == NULL || most_people->value < COACH_L6_MAX_ENGINEERS) &&
	    !coach_has(run, COACH_CUE_MULTI_TEAM, 0, run->len) &&
	    coach_next(run, COACH_CUE_ONE_TEAM, 0, run->len, &ms, &me))
		coach_add(run, COACH_UNDERSELL, ms, me - ms,
			  "The story stays within \"%.*s\": an L7 answer shows "
			  "several teams or the organisation moving.",
			  (int)(me - ms), run->text + ms);
}

/* ------------------------------------------------------------------ */
/* the story: who acts, what the Result holds, whether the figures agree */

/* Counts the matches of cue in text[from..end) into *n; the first one
   found overall goes to [*qs, *qe). */
static void
coach_count_cue(const struct coach_run *run, enum coach_cue cue, size_t from, size_t end,
		size_t *n, size_t *qs, size_t *qe)
{
	size_t ms, me;

	while (coach_next(run, cue, from, end, &ms, &me)) {
		if (*n == 0) {
			*qs = ms;
			*qe = me;
		}
		(*n)++;
		from = coach_after(run->text, run->len, ms, me);
	}
}

/* The first match of cue in the segments of part, or in all the text
   when no segment is of that part; counts them in *n. */
static bool
coach_in_part(const struct coach_run *run, enum coach_cue cue, int part, size_t *n, size_t *qs,
	      size_t *qe)
{
	bool any_part = false;

	*n = 0;
	for (size_t i = 0; i < run->nsegs; i++)
		if (run->segs[i].part == part) {
			any_part = true;
			coach_count_cue(run, cue, run->segs[i].start, run->segs[i].end, n, qs, qe);
		}
	if (!any_part)
		coach_count_cue(run, cue, 0, run->len, n, qs, qe);
	return *n > 0;
}

/* A quote of the segment: its first words, cut at a word end. */
static void
coach_seg_quote(const struct coach_run *run, const struct coach_seg *sg, size_t *qs, size_t *qe)
{
	const char *t = run->text;
	size_t a = sg->start, b = sg->end;

	while (a < b && (coach_is_space(t[a]) || t[a] == '*'))
		a++;
	/* after a "Result:" label */
	for (size_t k = a; k < b && k < a + 20; k++)
		if (t[k] == ':') {
			a = k + 1;
			while (a < b && (coach_is_space(t[a]) || t[a] == '*'))
				a++;
			break;
		}
	while (b > a && (coach_is_space(t[b - 1]) || t[b - 1] == '.'))
		b--;
	if (b - a > 90) {
		b = a + 90;
		while (b > a + 40 && !coach_is_space(t[b]))
			b--;
		while (b > a && ((unsigned char)t[b] & 0xC0) == 0x80)
			b--;
	}
	*qs = a;
	*qe = b;
}

/*
 * Whether the sentences at offsets a and b both give their figure per year
 * (a loss "per minute of outage" is not comparable to a saving a year).
 */
static bool
coach_same_period(const struct coach_run *run, size_t a, size_t b)
{
	const struct coach_seg *x = coach_seg_at(run, a), *y = coach_seg_at(run, b);
	size_t ms, me;

	if (x == NULL || y == NULL)
		return false;
	if (coach_next(run, COACH_CUE_PER_YEAR, x->start, x->end, &ms, &me) &&
	    coach_next(run, COACH_CUE_PER_YEAR, y->start, y->end, &ms, &me))
		return true;
	return !coach_next(run, COACH_CUE_OTHER_PERIOD, x->start, x->end, &ms, &me) &&
	       !coach_next(run, COACH_CUE_OTHER_PERIOD, y->start, y->end, &ms, &me);
}

/* A dollar claim or an outcome or rate percentage in the segment. */
static bool
coach_has_claim_in(const struct coach_run *run, const struct coach_seg *sg)
{
	for (size_t i = 0; i < run->r->nfigures; i++) {
		const struct coach_figure *f = &run->r->figures[i];
		if (f->offset < sg->start || f->offset >= sg->end)
			continue;
		if ((f->kind == COACH_FIG_MONEY && f->role == COACH_ROLE_OUTCOME) ||
		    (f->kind == COACH_FIG_PERCENT &&
		     (f->role == COACH_ROLE_OUTCOME || f->role == COACH_ROLE_RATE)))
			return true;
	}
	return false;
}

/*
 * A rate stated in the situation and the level it came down to in the
 * result ("losing 73% of carts" ... "abandonment came down to 61%").
 */
static bool
coach_state_and_result(const struct coach_run *run, double *before, double *after)
{
	const struct coach_figure *state = NULL, *end = NULL;

	for (size_t i = 0; i < run->r->nfigures; i++) {
		const struct coach_figure *f = &run->r->figures[i];
		const struct coach_seg *sg = coach_seg_at(run, f->offset);
		if (f->kind != COACH_FIG_PERCENT || sg == NULL || coach_in_attribution(run, f->offset))
			continue;
		if (state == NULL && (sg->part == COACH_SITUATION || sg->part == COACH_TASK))
			state = f;
		else if (end == NULL && sg->part == COACH_RESULT && f->offset >= 8 &&
			 (strncasecmp(run->text + f->offset - 8, "down to ", 8) == 0 ||
			  strncasecmp(run->text + f->offset - 8, "fell to ", 8) == 0 ||
			  (f->offset >= 11 &&
			   strncasecmp(run->text + f->offset - 11, "dropped to ", 11) == 0)))
			end = f;
	}
	if (state == NULL || end == NULL || !(state->value > end->value))
		return false;
	*before = state->value;
	*after = end->value;
	return true;
}

/* Whether the sentence holding offset states the percentage value. */
static bool
coach_percent_in_sentence(const struct coach_run *run, size_t offset, double value)
{
	const struct coach_seg *sg = coach_seg_at(run, offset);

	for (size_t i = 0; sg != NULL && i < run->r->nfigures; i++) {
		const struct coach_figure *f = &run->r->figures[i];
		if (f->kind == COACH_FIG_PERCENT && f->offset >= sg->start && f->offset < sg->end &&
		    fabs(f->value - value) <= 1e-9)
			return true;
	}
	return false;
}

/* A money figure's value a year: monthly figures times 12. */
static double
coach_yearly(const struct coach_run *run, const struct coach_figure *f)
{
	const struct coach_seg *sg = coach_seg_at(run, f->offset);
	size_t ms, me, end = sg != NULL ? sg->end : run->len;

	/* the period right after the figure, in its sentence */
	if (coach_next(run, COACH_CUE_PER_MONTH, f->offset + f->len,
		       f->offset + f->len + 24 < end ? f->offset + f->len + 24 : end, &ms, &me))
		return 12 * f->value;
	return f->value;
}

/* Reads the number at s (digits and commas). */
static bool
coach_plain_number(const char *s, size_t n, double *v)
{
	char buf[40];
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sizeof(buf); i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')
			buf[k++] = s[i];
		else if (s[i] != ',')
			break;
	}
	buf[k] = '\0';
	if (k == 0)
		return false;
	*v = strtod(buf, NULL);
	return true;
}

/*
 * The time unit written right after a number ("s", " ms", " minutes"), in
 * seconds, or 0 when none.
 */
static double
coach_time_unit(const char *t, size_t n)
{
	static const struct {
		const char *word;
		double seconds;
	} units[] = {
	    {"milliseconds", 0.001}, {"millisecond", 0.001}, {"ms", 0.001}, {"seconds", 1},
	    {"second", 1},	     {"secs", 1},	   {"sec", 1},	      {"s", 1},
	    {"minutes", 60},	     {"minute", 60},	   {"mins", 60},      {"min", 60},
	    {"hours", 3600},	     {"hour", 3600},	   {"hrs", 3600},     {"h", 3600},
	    {"days", 86400},	     {"day", 86400},
	};
	size_t i = 0;

	if (n > 0 && t[0] == ' ')
		i = 1; /* one space at most: "120 ms" */
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t len = strlen(units[k].word);
		if (n - i >= len && strncasecmp(t + i, units[k].word, len) == 0 &&
		    (n - i == len || !coach_is_word_byte((unsigned char)t[i + len])))
			return units[k].seconds;
	}
	return 0;
}

/*
 * A percentage change that its own before and after contradict: "from 400
 * hosts to 260, a 50% reduction" is a 35% reduction.
 */
static void
coach_check_change_pct(struct coach_run *run)
{
	const struct coach_result *r = run->r;

	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const struct coach_seg *sg = coach_seg_at(run, f->offset);
		size_t ms = 0, me = 0, a, b, end = f->offset + f->len;
		double before, after, change;

		bool found = false;
		size_t from;

		if (f->kind != COACH_FIG_PERCENT || sg == NULL || f->role == COACH_ROLE_SHARE ||
		    !(coach_next(run, COACH_CUE_CHANGE_AFTER, end, sg->end, &a, &b) ||
		      coach_before(run, COACH_CUE_CHANGE_BY, f->offset)))
			continue;
		/* the last "from A to B" before the percentage, in its sentence */
		for (from = sg->start; coach_next(run, COACH_CUE_FROM_TO, from, f->offset, &a, &b);
		     from = coach_after(run->text, run->len, a, b)) {
			ms = a;
			me = b;
			found = true;
		}
		/* the same clause: close, and no "and" or ";" between */
		if (!found || f->offset - me > 40)
			continue;
		{
			bool other = false;
			for (size_t k = me; k + 5 <= f->offset && !other; k++)
				other = strncmp(run->text + k, " and ", 5) == 0 || run->text[k] == ';';
			if (other)
				continue;
		}
		/* the two numbers of "from A ... to B" */
		{
			const char *t = run->text;
			size_t p = ms + 4, q;
			while (p < me && !(t[p] >= '0' && t[p] <= '9'))
				p++;
			if (!coach_plain_number(t + p, me - p, &before))
				continue;
			q = me;
			while (q > p && ((t[q - 1] >= '0' && t[q - 1] <= '9') || t[q - 1] == ',' ||
					 t[q - 1] == '.'))
				q--;
			if (!coach_plain_number(t + q, me - q, &after) || before <= 0)
				continue;
			/* "from 8s to 120ms": the same unit, or both times */
			{
				size_t pe = p;
				double ub, ua;
				while (pe < me && ((t[pe] >= '0' && t[pe] <= '9') || t[pe] == ',' ||
						   t[pe] == '.'))
					pe++;
				ub = coach_time_unit(t + pe, me - pe);
				ua = coach_time_unit(t + me, run->len - me);
				if (ub > 0 && ua > 0) {
					before *= ub;
					after *= ua;
				} else if (ub > 0 || ua > 0) {
					continue;
				}
			}
		}
		change = fabs(before - after) / before;
		if (fabs(change - f->value) > 0.05 && fabs(change - f->value) > 0.15 * change) {
			coach_add(run, COACH_INCONSISTENT, f->offset, f->len,
				  "\"%.*s\" does not match its own figures: from %.10g to %.10g is "
				  "a change of %.3g%%.",
				  (int)f->len, run->text + f->offset, before, after, 100 * change);
			coach_add(run, COACH_ARITHMETIC, f->offset, f->len,
				  "(%.10g - %.10g) / %.10g = %.3g%%, not \"%.*s\".", before, after,
				  before, 100 * change, (int)f->len, run->text + f->offset);
		}
	}
}

/* Does a sentence tell a measured change (not a forecast)? */
static bool
coach_seg_measured(const struct coach_run *run, const struct coach_seg *sg)
{
	return coach_has(run, COACH_CUE_NUMBER, sg->start, sg->end) &&
	       !coach_has(run, COACH_CUE_PROJECTION_ANY, sg->start, sg->end) &&
	       (coach_has(run, COACH_CUE_CHANGE, sg->start, sg->end) ||
		coach_has_claim_in(run, sg));
}

/*
 * Shares of one outcome listed in one sentence that add up to more than the
 * whole: "the plan drove 60% of it, the discount about 45%, and the second
 * delivery day roughly 15%".
 */
static void
coach_check_share_sum(struct coach_run *run)
{
	const struct coach_result *r = run->r;

	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const struct coach_seg *sg = coach_seg_at(run, f->offset);
		double sum = 0;
		size_t n = 0, j;

		if (f->kind != COACH_FIG_PERCENT || f->role != COACH_ROLE_SHARE || sg == NULL ||
		    coach_has(run, COACH_CUE_PAIR, sg->start, sg->end) ||
		    coach_has(run, COACH_CUE_FROM_TO, sg->start, sg->end))
			continue;
		/* a list: percentages close together, nothing else between them */
		for (j = i; j < r->nfigures && r->figures[j].offset < sg->end; j++) {
			const struct coach_figure *g = &r->figures[j];
			const struct coach_figure *prev = j > i ? &r->figures[j - 1] : NULL;
			if (g->kind != COACH_FIG_PERCENT ||
			    (g->role != COACH_ROLE_SHARE && g->role != COACH_ROLE_OUTCOME) ||
			    (prev != NULL && g->offset - (prev->offset + prev->len) > 50))
				break;
			sum += g->value;
			n++;
		}
		if (n >= 2 && sum > 1.05)
			coach_add(run, COACH_INCONSISTENT, f->offset, f->len,
				  "The shares from \"%.*s\" on add up to %.0f%%: shares of one "
				  "outcome cannot pass 100%%; say how you split it.",
				  (int)f->len, run->text + f->offset, 100 * sum);
		/* one report per sentence */
		while (i + 1 < r->nfigures && r->figures[i + 1].offset < sg->end)
			i++;
	}
}

static void
coach_check_story(struct coach_run *run)
{
	struct coach_result *r = run->r;
	size_t n_i, n_we, qs = 0, qe = 0, ws = 0, we_end = 0, ms, me;
	const struct coach_figure *loss = NULL, *recovered = NULL;

	/* "we" throughout: whose work was it? */
	coach_in_part(run, COACH_CUE_FIRST_PERSON, COACH_ACTION, &n_i, &qs, &qe);
	if (n_i == 0) /* "- Stood up an A/B framework": the speaker, unsaid */
		coach_in_part(run, COACH_CUE_VERB_FIRST, COACH_ACTION, &n_i, &qs, &qe);
	if (coach_in_part(run, COACH_CUE_WE, COACH_ACTION, &n_we, &ws, &we_end) && n_i == 0 &&
	    !run->opt->followup)
		coach_add(run, COACH_NO_OWNERSHIP, ws, we_end - ws,
			  "The Action is told as \"%.*s\": say what you yourself decided, "
			  "built or changed, and what the others did.",
			  (int)(we_end - ws), run->text + ws);

	/* a Result that holds no measured change */
	if (!run->opt->followup) {
		const struct coach_seg *first = NULL;
		bool measured = false, result_label = false, after_action = false;
		for (size_t i = 0; i < run->nsegs; i++) {
			const struct coach_seg *sg = &run->segs[i];
			result_label |= run->nlabels > 0 && sg->part == COACH_RESULT;
			if (sg->part != COACH_RESULT ||
			    coach_has(run, COACH_CUE_LESSON, sg->start, sg->end))
				continue;
			if (first == NULL)
				first = sg;
			measured |= coach_seg_measured(run, sg);
		}
		/*
		 * Without a Result label, the result is wherever the story tells
		 * what changed after the work began: "Within five months we had
		 * cut churn by 17%" placed among the actions still counts.
		 */
		for (size_t i = 0; i < run->nsegs && !measured && !result_label; i++) {
			const struct coach_seg *sg = &run->segs[i];
			after_action |= sg->part == COACH_ACTION;
			if (after_action && sg->part != COACH_SITUATION &&
			    !coach_has(run, COACH_CUE_LESSON, sg->start, sg->end))
				measured = coach_seg_measured(run, sg);
		}
		if (measured)
			first = NULL;
		if (first == NULL && !measured && r->words >= 60 && !r->star[COACH_RESULT]) {
			coach_add(run, COACH_NO_OUTCOME, 0, 0,
				  "The answer stops before any result: end with what changed, by "
				  "how much and against what baseline.");
		} else if (first != NULL && !measured) {
			coach_seg_quote(run, first, &qs, &qe);
			coach_add(run, COACH_NO_OUTCOME, qs, qe - qs,
				  "The Result \"%.*s\" holds no measured change: say what "
				  "moved, by how much and against what baseline.",
				  (int)(qe - qs), run->text + qs);
		}
	}

	/* figures that cannot all be true */
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		const struct coach_seg *sg = coach_seg_at(run, f->offset);
		if (f->kind == COACH_FIG_PERCENT && f->role == COACH_ROLE_SHARE && f->value > 1)
			coach_add(run, COACH_INCONSISTENT, f->offset, f->len,
				  "A share of \"%.*s\" cannot be: a share of an outcome is at "
				  "most 100%%.",
				  (int)f->len, run->text + f->offset);
		if (f->kind != COACH_FIG_MONEY || sg == NULL)
			continue;
		if (f->role == COACH_ROLE_COST ||
		    (!f->claim && coach_has(run, COACH_CUE_LOSS, sg->start, sg->end) &&
		     !coach_before(run, COACH_CUE_GOAL_BEFORE, f->offset))) {
			if (loss == NULL)
				loss = f;
		} else if (f->claim && coach_has(run, COACH_CUE_RECOVER, sg->start, sg->end) &&
			   (recovered == NULL || f->value > recovered->value)) {
			recovered = f;
		}
	}
	coach_check_share_sum(run);

	if (loss != NULL && recovered != NULL && recovered->offset > loss->offset) {
		char lm[AMOUNT_FORMAT_MAX], mm[AMOUNT_FORMAT_MAX];
		bool pair = false;
		double before = 0, after = 0;
		size_t from = 0;

		double loss_y = coach_yearly(run, loss), rec_y = coach_yearly(run, recovered);

		/* a drop of a rate on that loss: "abandonment 73% -> 61%" */
		while (!pair && coach_next(run, COACH_CUE_RATE_PAIR, from, run->len, &ms, &me)) {
			struct amount_range rr;
			char buf[96];
			size_t k = me - ms < sizeof(buf) - 1 ? me - ms : sizeof(buf) - 1;
			memcpy(buf, run->text + ms, k);
			buf[k] = '\0';
			for (size_t j = 0; j < k; j++) /* "73%->61%", "73% \u2192 61%" */
				if (buf[j] == '>' || (unsigned char)buf[j] >= 0x80)
					buf[j] = buf[j] == '>' ? ' ' : '-';
			if (amount_parse_range(buf, AMOUNT_PERCENT, &rr, NULL, 0) == 0 &&
			    rr.shape == AMOUNT_SPAN && rr.lo.value > 0 &&
			    coach_percent_in_sentence(run, loss->offset, rr.hi.value)) {
				/* written high to low for a drop: the range is sorted;
				   its start is the rate the loss came with */
				before = rr.hi.value;
				after = rr.lo.value;
				pair = true;
			}
			from = coach_after(run->text, run->len, ms, me);
		}
		if (!pair)
			pair = coach_state_and_result(run, &before, &after) &&
			       coach_percent_in_sentence(run, loss->offset, before);
		coach_money(loss_y, lm, sizeof(lm));
		if (pair) {
			double most = loss_y * (before - after) / before;
			if (rec_y > 1.25 * most) {
				coach_money(most, mm, sizeof(mm));
				coach_add(run, COACH_INCONSISTENT, recovered->offset, recovered->len,
					  "\"%.*s\" does not follow from the figures: a fall "
					  "from %.4g%% to %.4g%% on a %s loss recovers about %s.",
					  (int)recovered->len, run->text + recovered->offset,
					  100 * before, 100 * after, lm, mm);
				coach_add(run, COACH_ARITHMETIC, recovered->offset, recovered->len,
					  "%s x (%.4g%% - %.4g%%) / %.4g%% = %s, not \"%.*s\".",
					  lm, 100 * before, 100 * after, 100 * before, mm,
					  (int)recovered->len, run->text + recovered->offset);
			}
		} else if (rec_y > 1.05 * loss_y &&
			   coach_same_period(run, loss->offset, recovered->offset)) {
			coach_add(run, COACH_INCONSISTENT, recovered->offset, recovered->len,
				  "\"%.*s\" recovered is more than the %s the problem cost: "
				  "say what else the figure includes, or correct it.",
				  (int)recovered->len, run->text + recovered->offset, lm);
		}
	}

	coach_check_change_pct(run);

	if (r->level == COACH_L6 && !run->opt->followup &&
	    !coach_has(run, COACH_CUE_LEAD, 0, run->len) &&
	    coach_next(run, COACH_CUE_HANDS_ON, 0, run->len, &ms, &me))
		coach_add(run, COACH_IC_SCOPE, ms, me - ms,
			  "\"%.*s\" is hands-on work only: an L6 story shows the team you led "
			  "or the mechanism you put in place (who did what, and how it "
			  "lasted without you).",
			  (int)(me - ms), run->text + ms);

	/* at either level: a company's result credited to one person */
	if (!run->opt->followup && !r->has_attribution && coach_first_metric(run) != NULL &&
	    coach_company_result(run, &ms, &me)) {
		coach_add(run, COACH_UNVERIFIABLE, ms, me - ms,
			  "\"%.*s\" credits you with a result many people moved; nobody "
			  "could check your part: name the share your work drove and "
			  "who confirmed it.",
			  (int)(me - ms), run->text + ms);
	} else if (r->level == COACH_L7 && !run->opt->followup) {
		const struct coach_figure *big = coach_biggest_claim(run, false);
		if (big != NULL && big->value >= 10e6 &&
			 (!r->has_method || big->role == COACH_ROLE_PROJECTION) &&
			 !r->has_validation &&
			 (coach_sig_digits(run->text + big->offset, big->len) <= 2 ||
			  (run->text[big->offset] != '$' && run->text[big->offset] != '-')))
			coach_add(run, COACH_UNVERIFIABLE, big->offset, big->len,
				  "\"%.*s\" is a round headline with no source: say where it "
				  "comes from (the finance model, the dashboard) so it can be "
				  "checked.",
				  (int)big->len, run->text + big->offset);
	}
}

/* ------------------------------------------------------------------ */
/* arithmetic                                                          */

/* Is text[a..b) part of a calculation: a number, an amount or an operator? */
static bool
coach_calc_token(const char *t, size_t a, size_t b)
{
	static const char *const ops[] = {
	    "x",
	    "X",
	    "*",
	    "+",
	    "-",
	    "/",
	    "(",
	    ")",
	    "\xc3\x97" /* × */,
	    "\xe2\x88\x92" /* − */,
	    "\xe2\x80\x93" /* – */,
	    "\xc3\xb7" /* ÷ */,
	};
	for (size_t i = 0; i < ARRAY_LEN(ops); i++)
		if (strlen(ops[i]) == b - a && memcmp(t + a, ops[i], b - a) == 0)
			return true;
	for (size_t i = a; i < b; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return true;
	return false;
}

/* The white-space separated token ending before byte a, in [*ts, *te). */
static bool
coach_prev_token(const char *t, size_t a, size_t *ts, size_t *te)
{
	size_t p = a;

	while (p > 0 && coach_is_space(t[p - 1]))
		p--;
	*te = p;
	while (p > 0 && !coach_is_space(t[p - 1]) && t[p - 1] != '=')
		p--;
	*ts = p;
	return *ts < *te;
}

/* Does a token ending at te close a clause ("orders,", "Result:")? */
static bool
coach_clause_end(const char *t, size_t te)
{
	return te > 0 && strchr(",;:.!?", t[te - 1]) != NULL;
}

/* A short word of letters only: "a", "month", "per". */
static bool
coach_plain_word(const char *t, size_t ts, size_t te)
{
	if (te - ts > 12)
		return false;
	for (size_t i = ts; i < te; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')))
			return false;
	return true;
}

/*
 * The longest word after '=' read as a stated result ("$936K", "6=6" in a
 * chain). Bounding it keeps the calculations of a text from overlapping
 * more than this, so writing them out stays linear.
 */
#define COACH_MAX_RESULT 64

/*
 * Finds the calculation around the '=' at eq: the run of numbers and
 * operators before it and the amount after it. Returns false when there
 * is no calculation (nothing computed on the left, no number on the right).
 */
static bool
coach_calc_span(const char *t, size_t len, size_t eq, size_t *start, size_t *end)
{
	size_t a = eq, tokens = 0, p, q, ts, te;
	bool op = false;

	while (coach_prev_token(t, a, &ts, &te) && !coach_clause_end(t, te)) {
		if (!coach_calc_token(t, ts, te)) {
			/* a few plain words after a number: "$78K a month x 12",
			   "$9 per ticket = $45,800" */
			size_t b = ts, ws, we, k = 0;
			bool number = false;
			if (!coach_plain_word(t, ts, te))
				break;
			while (k++ < 3 && coach_prev_token(t, b, &ws, &we) &&
			       !coach_clause_end(t, we)) {
				if (coach_calc_token(t, ws, we)) {
					number = true;
					break;
				}
				if (!coach_plain_word(t, ws, we))
					break;
				b = ws;
			}
			if (!number)
				break;
			a = ts;
			continue;
		}
		/* an operator token, or one inside "(3.1%-2.3%)" */
		if (!(t[ts] >= '0' && t[ts] <= '9') && te - ts <= 3 && strchr("$(~", t[ts]) == NULL)
			op = true;
		for (size_t i = ts + 1; i < te; i++)
			if (t[i] == '*' || t[i] == '+' || t[i] == '/' || t[i] == '-')
				op = true;
		tokens++;
		a = ts;
	}
	if (tokens == 0 || (tokens < 2 && !op))
		return false;
	q = eq + 1;
	while (q < len && coach_is_space(t[q]))
		q++;
	p = q;
	while (q < len && !coach_is_space(t[q]))
		if (++q - p > COACH_MAX_RESULT)
			return false; /* a run of text, not a result */
	while (q > p && strchr(",.;:", t[q - 1]) != NULL)
		q--;
	if (q == p || !coach_calc_token(t, p, q))
		return false;
	/* a multiplier written as a word belongs to the result: "= 720 million" */
	if (q < len && t[q] == ' ') {
		static const char *const mult[] = {"thousand", "million", "billion", "mn", "bn"};
		for (size_t i = 0; i < ARRAY_LEN(mult); i++) {
			size_t n = strlen(mult[i]);
			if (q + 1 + n <= len && strncasecmp(t + q + 1, mult[i], n) == 0 &&
			    (q + 1 + n == len || !coach_is_word_byte((unsigned char)t[q + 1 + n]))) {
				q += 1 + n;
				break;
			}
		}
	}
	*start = a;
	*end = q;
	return true;
}

/*
 * The length of " points" (or " percentage points", " pp", " pts") at t,
 * a difference of percentages written after its number; 0 when not there.
 */
static size_t
coach_points_word(const char *t, size_t n)
{
	static const char *const words[] = {" percentage points", " percent points", " points",
					    " pts", " pp"};

	for (size_t i = 0; i < ARRAY_LEN(words); i++) {
		size_t len = strlen(words[i]);
		if (n >= len && strncasecmp(t, words[i], len) == 0 &&
		    (n == len || !coach_is_word_byte((unsigned char)t[len])))
			return len;
	}
	return 0;
}

/*
 * Writes every calculation of the answer ("8 x $12M x 75% = $72M") as one
 * line of a worksheet, has the audit check it, and reports the lines that
 * do not add up, quoting them.
 */
static void
coach_check_arithmetic(struct coach_run *run)
{
	struct sbuf sheet = {0};
	struct coach_span *where = NULL; /* line i of the sheet is where[i - 1] */
	size_t nlines = 0, cap = 0;
	struct audit_report rep = {0};

	for (size_t i = 0; i < run->len; i++) {
		size_t a, b;
		if (run->text[i] != '=' || !coach_calc_span(run->text, run->len, i, &a, &b))
			continue;
		where = coach_grow(where, nlines, &cap, sizeof(*where));
		where[nlines].start = a;
		where[nlines].end = b;
		nlines++;
		for (size_t k = a; k < b; k++) {
			size_t n = k > a && run->text[k - 1] >= '0' && run->text[k - 1] <= '9'
					   ? coach_points_word(run->text + k, b - k)
					   : 0;
			if (n > 0) { /* "1.4 points x 30 million": percentage points */
				sbuf_addc(&sheet, '%');
				k += n - 1;
				continue;
			}
			sbuf_addc(&sheet, run->text[k] == '\n' ? ' ' : run->text[k]);
		}
		sbuf_addc(&sheet, '\n');
	}
	if (nlines == 0)
		goto out;
	audit_text(sheet.buf, sheet.len, &rep);
	for (size_t i = 0; i < rep.n; i++) {
		const struct audit_step *st = &rep.steps[i];
		size_t line = st->line;
		if (st->status != AUDIT_WRONG && st->status != AUDIT_IMPRECISE)
			continue;
		if (line < 1 || line > nlines)
			continue;
		coach_add(run, COACH_ARITHMETIC, where[line - 1].start,
			  where[line - 1].end - where[line - 1].start, "%s: %s",
			  st->status == AUDIT_WRONG ? "This calculation does not add up"
						    : "This calculation is slightly off",
			  st->message != NULL && st->message[0] != '\0'
			      ? st->message
			      : "recompute it before the interview");
		if (run->r->nfindings > 0 &&
		    run->r->findings[run->r->nfindings - 1].kind == COACH_ARITHMETIC)
			run->r->findings[run->r->nfindings - 1].wrong = st->status == AUDIT_WRONG;
	}
out:
	audit_report_free(&rep);
	sbuf_free(&sheet);
	free(where);
}

/* ------------------------------------------------------------------ */
/* public                                                              */

/*
 * A copy of text[0..len) with each byte that does not start a valid UTF-8
 * character made a '?': valid UTF-8 of the same length, so every offset
 * into it is an offset into text.
 */
static char *
coach_scrub(const char *text, size_t len)
{
	char *s = xmalloc(len + 1);
	size_t i = 0;

	memcpy(s, text, len);
	s[len] = '\0';
	while (i < len) {
		size_t n = check_utf8_char(s + i, len - i);
		if (n == 0) {
			s[i] = '?';
			n = 1;
		}
		i += n;
	}
	return s;
}

int
coach_new(struct coach **out, char *err, size_t errlen)
{
	struct coach *c = xcalloc(1, sizeof(*c));
	int rc = 0;

	*out = NULL;
	for (int i = 0; i < COACH_NCUES && rc == 0; i++) {
		char msg[128];
		size_t col = 0;
		rc = check_re_compile(coach_cue_src[i], &c->cue[i], msg, sizeof(msg), &col);
		if (rc != 0 && err != NULL && errlen > 0)
			snprintf(err, errlen, "coach cue %d, column %zu: %s", i, col, msg);
	}
	if (rc != 0) {
		coach_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

void
coach_free(struct coach *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < COACH_NCUES; i++)
		check_re_free(c->cue[i]);
	free(c);
}

void
coach_analyse(const struct coach *c, const char *text, size_t len, const struct coach_options *opt,
	      struct coach_result **out)
{
	struct coach_run run = {0};
	struct coach_result *r = xcalloc(1, sizeof(*r));

	r->level = opt->level;
	run.c = c;
	run.answer = text;
	run.text = text;
	run.len = len;
	run.opt = opt;
	run.r = r;
	/* checked once here, so no match checks it again (see coach_match) */
	if (!check_utf8_valid(text, len))
		run.text = run.scrubbed = coach_scrub(text, len);

	coach_structure(&run);
	coach_find_figures(&run);
	if (!opt->followup)
		coach_check_structure(&run);
	coach_check_points(&run);
	coach_check_credibility(&run);
	coach_check_scope(&run);
	coach_check_arithmetic(&run);
	coach_check_story(&run);

	free(run.segs);
	free(run.attr);
	free(run.scrubbed);
	*out = r;
}

void
coach_result_free(struct coach_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nfindings; i++) {
		free(r->findings[i].quote);
		free(r->findings[i].message);
	}
	free(r->findings);
	free(r->figures);
	free(r->covered);
	free(r);
}

static const struct coach_followup coach_followup_table[] = {
    {"attribution", "How do you know you can attribute that share of the outcome to your work?"},
    {"calculation", "Walk me through your impact calculation, step by step."},
    {"period", "Over what period was that measured, and is it recurring?"},
    {"validation", "How did you validate these numbers, and who checked them?"},
    {"numbers", "What changed in numbers: dollars, customers or hours, and over what period?"},
    {"hindsight", "What would you estimate differently if you did it again?"},
};

const struct coach_followup *
coach_followup_of(const char *key)
{
	for (size_t i = 0; i < ARRAY_LEN(coach_followup_table); i++)
		if (strcmp(coach_followup_table[i].key, key) == 0)
			return &coach_followup_table[i];
	return NULL;
}

static bool
coach_has_kind(const struct coach_result *r, enum coach_kind k)
{
	for (size_t i = 0; i < r->nfindings; i++)
		if (r->findings[i].kind == k)
			return true;
	return false;
}

size_t
coach_followups(const struct coach_result *r, const struct coach_followup **out, size_t max)
{
	bool money = false, metric = false;
	size_t n = 0;

	for (size_t i = 0; i < r->nfigures; i++) {
		if (r->figures[i].kind == COACH_FIG_MONEY)
			money = true;
		if (r->figures[i].kind == COACH_FIG_MONEY ||
		    r->figures[i].kind == COACH_FIG_PERCENT)
			metric = true;
	}
	if (max > 3)
		max = 3;
	if (n < max && coach_has_kind(r, COACH_NO_ATTRIBUTION))
		out[n++] = &coach_followup_table[0];
	if (n < max && metric && !r->has_method)
		out[n++] = &coach_followup_table[1];
	if (n < max && (coach_has_kind(r, COACH_VAGUE_TIMEFRAME) || (metric && !r->has_timeframe)))
		out[n++] = &coach_followup_table[2];
	if (n < max && money && !r->has_validation)
		out[n++] = &coach_followup_table[3];
	if (n < max && !metric)
		out[n++] = &coach_followup_table[4];
	if (n == 0 && max > 0)
		out[n++] = &coach_followup_table[5];
	return n;
}

/*
 * Judging a defense answer by what its follow-up asked for. Each judge
 * reads the answer's own text: the figures with the amount reader, a
 * calculation with coach_followup_calc_span and the audit, and the rest
 * with short lists of words matched at word starts, case ignored
 * ("attribut*" matches every word that starts so).
 */

/* The answer as a C string for the amount reader: NUL bytes made spaces. */
static char *
coach_followup_cstr(const char *text, size_t len)
{
	char *t = xmalloc(len + 1);

	memcpy(t, text, len);
	t[len] = '\0';
	for (size_t i = 0; i < len; i++)
		if (t[i] == '\0')
			t[i] = ' ';
	return t;
}

/*
 * Does one of words occur in s[0..n) at the start of a word? A word
 * ending in '*' matches as a prefix, up to the end of the word it starts;
 * others must end where a letter does not follow. Returns the offset of
 * the first match, with its length in *mlen (may be NULL), or n.
 */
static size_t
coach_followup_find(const char *s, size_t n, const char *const *words, size_t *mlen)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (coach_is_word_byte((unsigned char)s[i - 1]) || s[i - 1] == '\''))
			continue;
		for (const char *const *w = words; *w != NULL; w++) {
			size_t wl = strlen(*w);
			bool prefix = wl > 0 && (*w)[wl - 1] == '*';
			if (prefix)
				wl--;
			if (wl == 0 || wl > n - i || strncasecmp(s + i, *w, wl) != 0)
				continue;
			if (prefix || i + wl == n ||
			    !((s[i + wl] >= 'a' && s[i + wl] <= 'z') ||
			      (s[i + wl] >= 'A' && s[i + wl] <= 'Z'))) {
				while (prefix && i + wl < n &&
				       coach_is_word_byte((unsigned char)s[i + wl]))
					wl++;
				if (mlen != NULL)
					*mlen = wl;
				return i;
			}
		}
	}
	return n;
}

static bool
coach_followup_has(const char *s, size_t n, const char *const *words)
{
	return coach_followup_find(s, n, words, NULL) < n;
}

/*
 * The end of the clause of text[0..len) that starts at start: a full
 * stop, "!" or "?" before white space, ";", a line break, or with but
 * set " but " too.
 */
static size_t
coach_followup_clause_end(const char *t, size_t len, size_t start, bool but)
{
	for (size_t i = start; i < len; i++) {
		if (t[i] == '\n' || t[i] == ';')
			return i;
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
		    (i + 1 == len || coach_is_space(t[i + 1])))
			return i;
		if (but && i > start && t[i] == ' ' && strncasecmp(t + i, " but ", 5) == 0)
			return i;
	}
	return len;
}

/* The start of the sentence of t holding byte at (as the end above, without "but"). */
static size_t
coach_followup_clause_start(const char *t, size_t at)
{
	while (at > 0) {
		char c = t[at - 1];
		if (c == '\n' || c == ';' ||
		    (at >= 2 && coach_is_space(c) &&
		     (t[at - 2] == '.' || t[at - 2] == '!' || t[at - 2] == '?')))
			break;
		at--;
	}
	return at;
}

static void coach_followup_why(char *why, size_t whylen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Sets why (whylen bytes, may be 0) from fmt. A message cut short ends on
 * a whole character: valid UTF-8 stays valid.
 */
static void
coach_followup_why(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	int n;
	size_t k, i;

	if (why == NULL || whylen == 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n < whylen)
		return;
	k = strlen(why);
	i = k;
	while (i > 0 && ((unsigned char)why[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0 && check_utf8_char(why + i - 1, k - (i - 1)) == 0)
		why[i - 1] = '\0';
}

/*
 * A quote of s[0..n) for a message, as "%.*s" takes it: at most 60 bytes,
 * ending on a whole character; *more tells whether it was cut.
 */
static int
coach_followup_quote(const char *s, size_t n, bool *more)
{
	size_t k = n;

	*more = false;
	if (k > 60) {
		k = 60;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		*more = true;
	}
	return (int)k;
}

/* Is t[a..b) an operation sign: x * / + - and their Unicode forms? */
static bool
coach_followup_op(const char *t, size_t a, size_t b)
{
	static const char *const ops[] = {
	    "x",
	    "X",
	    "*",
	    "/",
	    "+",
	    "-",
	    "\xc3\x97" /* × */,
	    "\xc3\xb7" /* ÷ */,
	    "\xe2\x88\x92" /* − */,
	    "\xe2\x80\x93" /* – */,
	};
	for (size_t i = 0; i < ARRAY_LEN(ops); i++)
		if (strlen(ops[i]) == b - a && memcmp(t + a, ops[i], b - a) == 0)
			return true;
	/* inside a token: "(3.1%-2.3%)", "12*$65" */
	for (size_t i = a + 1; i + 1 < b; i++)
		if (strchr("*/+-", t[i]) != NULL && t[i - 1] != ',' && t[i - 1] != '.')
			return true;
	return false;
}

/*
 * The calculation written around the '=' at t[eq]: numbers and operation
 * signs before it, with up to three plain words between them ("$165K a
 * month x 12 months"), back to the start of the clause or an earlier '=';
 * and the result after it. True, with the span in [*start, *end), when
 * the left holds two numbers and a sign and the right a number.
 */
static bool
coach_followup_calc_span(const char *t, size_t len, size_t eq, size_t *start, size_t *end)
{
	size_t a = eq, p = eq, numbers = 0, words = 0, q, r;
	bool op = false;

	for (;;) {
		size_t te, ts;
		bool digit = false, plain = true;
		while (p > 0 && coach_is_space(t[p - 1]) && t[p - 1] != '\n')
			p--;
		te = p;
		while (p > 0 && !coach_is_space(t[p - 1]) && t[p - 1] != '=')
			p--;
		ts = p;
		if (ts == te || strchr(",;:.!?", t[te - 1]) != NULL)
			break;
		for (size_t i = ts; i < te; i++) {
			digit |= t[i] >= '0' && t[i] <= '9';
			plain &= (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z');
		}
		if (digit || coach_followup_op(t, ts, te)) {
			numbers += digit;
			op |= coach_followup_op(t, ts, te);
			a = ts;
			words = 0;
		} else if (!plain || te - ts > 12 || ++words > 3) {
			break;
		}
		if (ts == 0 || t[ts - 1] == '=' || t[ts - 1] == '\n')
			break;
	}
	if (numbers < 2 || !op)
		return false;
	q = eq + 1;
	while (q < len && coach_is_space(t[q]) && t[q] != '\n')
		q++;
	r = q;
	while (r < len && !coach_is_space(t[r]) && r - q < 64)
		r++;
	while (r > q && strchr(",.;:", t[r - 1]) != NULL)
		r--;
	for (size_t i = q; i < r; i++)
		if (t[i] >= '0' && t[i] <= '9') {
			*start = a;
			*end = r;
			return true;
		}
	return false;
}

/* Words that say a calculation's operation: replaced by its sign. */
static const struct {
	const char *words;
	const char *op;
} coach_followup_ops[] = {
    {"multiplied by", "x"}, {"times", "x"},  {"divided by", "/"}, {"plus", "+"},
    {"minus", "-"},	    {"equals", "="}, {"comes to", "="},	  {"which is", "="},
    {"that is", "="},	    {"that's", "="}, {"is", "="},	  {"gives", "="},
    {"makes", "="},
};

/*
 * The calculation of a "walk me through" answer: every "a x b = c" of the
 * text (also said in words: "$165K times 12 is $1.98M"), checked by the
 * audit. Returns 1 when there is one and no step is wrong, -1 when a step
 * is wrong, 0 when there is none; why says which.
 */
static int
coach_followup_calculation(const char *text, size_t len, char *why, size_t whylen)
{
	struct sbuf n = {0}, sheet = {0};
	size_t lines = 0, ok = 0, wrong = 0;
	struct audit_report rep = {0};
	int rc = 0;

	/* the text with operations said in words written as signs */
	for (size_t i = 0; i < len;) {
		bool done = false;
		for (size_t k = 0; k < ARRAY_LEN(coach_followup_ops) && !done; k++) {
			const char *word = coach_followup_ops[k].words;
			size_t wl = strlen(word);
			if ((i > 0 && coach_is_word_byte((unsigned char)text[i - 1])) ||
			    wl > len - i || strncasecmp(text + i, word, wl) != 0 ||
			    (i + wl < len && coach_is_word_byte((unsigned char)text[i + wl])))
				continue;
			/* ", which is $1.98M": the comma does not end the calculation */
			if (n.len >= 2 && n.buf[n.len - 1] == ' ' && n.buf[n.len - 2] == ',') {
				n.buf[n.len - 2] = ' ';
				n.buf[--n.len] = '\0';
			}
			sbuf_adds(&n, coach_followup_ops[k].op);
			i += wl;
			done = true;
		}
		if (!done) {
			sbuf_addc(&n, text[i] == '\0' ? ' ' : text[i]);
			i++;
		}
	}
	for (size_t i = 0; i < n.len; i++) {
		size_t a, b;
		if (n.buf[i] != '=' || !coach_followup_calc_span(n.buf, n.len, i, &a, &b))
			continue;
		for (size_t k = a; k < b; k++)
			sbuf_addc(&sheet, n.buf[k]);
		sbuf_addc(&sheet, '\n');
		lines++;
	}
	if (lines == 0) {
		coach_followup_why(why, whylen,
				   "no written calculation: write each step with its result "
				   "(\"1,850 orders x $92 x 12 = $2.04M a year\")");
		goto out;
	}
	audit_text(sheet.buf, sheet.len, &rep);
	for (size_t i = 0; i < rep.n; i++) {
		const struct audit_step *st = &rep.steps[i];
		bool more;
		int q = coach_followup_quote(st->text, strlen(st->text), &more);
		if (st->status == AUDIT_WRONG) {
			if (wrong++ == 0)
				coach_followup_why(why, whylen, "\"%.*s%s\" does not add up: %s", q,
						   st->text, more ? "..." : "",
						   st->message != NULL ? st->message
								       : "recompute it");
		} else if (st->status == AUDIT_OK || st->status == AUDIT_IMPRECISE) {
			if (ok++ == 0 && wrong == 0)
				coach_followup_why(why, whylen,
						   "the calculation adds up (\"%.*s%s\")", q,
						   st->text, more ? "..." : "");
		}
	}
	if (wrong > 0)
		rc = -1;
	else if (ok > 0)
		rc = 1;
	else
		coach_followup_why(why, whylen,
				   "the calculation cannot be read: write each step as numbers "
				   "and signs with its result (\"$165K x 12 = $1.98M\")");
out:
	audit_report_free(&rep);
	sbuf_free(&sheet);
	sbuf_free(&n);
	return rc;
}

/* Words near a percentage that make it a share of the outcome. */
static const char *const coach_followup_share_words[] = {"attribut*",
							 "credit*",
							 "claim*",
							 "ours",
							 "our share",
							 "our part",
							 "my share",
							 "my part",
							 "our team's",
							 "my team's",
							 "share of",
							 "of it",
							 "of that",
							 "of this",
							 "of the gain*",
							 "of the lift",
							 "of the uplift",
							 "of the increase",
							 "of the improvement",
							 "of the saving*",
							 "of the impact",
							 "of the result",
							 "of the outcome",
							 "of the win",
							 "of the growth",
							 "of the reduction",
							 "of the drop",
							 "of the difference",
							 "of the change",
							 "of the revenue",
							 "to our team",
							 "to my team",
							 "to our work",
							 "to our change",
							 "to the platform",
							 "came from",
							 "comes from",
							 "driven by",
							 "responsible for",
							 "contribut*",
							 NULL};

/* Words that give a reason for a share: how it is known, what else changed. */
static const char *const coach_followup_reason_words[] = {"because",
							  "since",
							  "as the",
							  "as our",
							  "as we",
							  "given",
							  "based on",
							  "the rest",
							  "remaining",
							  "remainder",
							  "the other",
							  "holdout*",
							  "hold-out*",
							  "held out",
							  "held-out",
							  "control",
							  "a/b",
							  "ab test*",
							  "experiment*",
							  "test*",
							  "compar*",
							  "before and after",
							  "baseline",
							  "isolat*",
							  "exclud*",
							  "subtract*",
							  "seasonal*",
							  "marketing",
							  "cohort*",
							  "only change",
							  "nothing else",
							  "regression",
							  "showed",
							  "split",
							  NULL};

/* attribution: a share stated as a percentage, with a reason. */
static bool
coach_followup_attribution(const char *t, size_t len, char *why, size_t whylen)
{
	size_t pos = 0, s = 0, e = 0;
	struct amount_figure f;
	bool share = false, has = false;

	while (!share && amount_next_figure(t, len, &pos, &f)) {
		if (f.r.lo.kind != AMOUNT_PERCENT || !f.digits || f.r.lo.value <= 0 ||
		    f.r.hi.value > 1)
			continue;
		/* the sentence holding the figure, looked at once */
		if (f.start >= e || e == 0) {
			s = coach_followup_clause_start(t, f.start);
			e = coach_followup_clause_end(t, len, f.start, false);
			has = coach_followup_has(t + s, e - s, coach_followup_share_words);
		}
		share = has;
	}
	if (!share) {
		coach_followup_why(why, whylen,
				   "no share stated as a percentage: say what part of the outcome "
				   "is your team's (\"about 60%% of the lift\") and how you know");
		return false;
	}
	if (!coach_followup_has(t, len, coach_followup_reason_words)) {
		coach_followup_why(why, whylen,
				   "\"%.*s\" is stated with no reason: say how you know it (a "
				   "holdout, an A/B test, what else changed at the time)",
				   (int)(f.end - f.start), t + f.start);
		return false;
	}
	coach_followup_why(why, whylen, "a share (\"%.*s\") with a reason", (int)(f.end - f.start),
			   t + f.start);
	return true;
}

/* Words that tie a figure to a period. */
static const char *const coach_followup_period_words[] = {"annual*",
							  "yearly",
							  "per year",
							  "a year",
							  "each year",
							  "every year",
							  "per annum",
							  "monthly",
							  "per month",
							  "a month",
							  "each month",
							  "every month",
							  "quarterly",
							  "per quarter",
							  "each quarter",
							  "every quarter",
							  "quarters",
							  "weekly",
							  "per week",
							  "a week",
							  "each week",
							  "every week",
							  "daily",
							  "per day",
							  "a day",
							  "each day",
							  "year over year",
							  "year-over-year",
							  "/yr",
							  "/year",
							  "/mo",
							  "/month",
							  "since",
							  "q1",
							  "q2",
							  "q3",
							  "q4",
							  "h1",
							  "h2",
							  "fy*",
							  "january",
							  "february",
							  "march",
							  "april",
							  "june",
							  "july",
							  "august",
							  "september",
							  "october",
							  "november",
							  "december",
							  "last year",
							  "this year",
							  "that year",
							  "the year",
							  "full year",
							  "the quarter",
							  "the month",
							  "the first year",
							  NULL};

/* period: a length of time, a rate per period or a date. */
static bool
coach_followup_period(const char *t, size_t len, char *why, size_t whylen)
{
	size_t pos = 0, at, ml = 0;
	struct amount_figure f;

	while (amount_next_figure(t, len, &pos, &f)) {
		if (amount_kind_is_time(f.r.lo.kind) || f.year) {
			coach_followup_why(why, whylen, "a period (\"%.*s\")",
					   (int)(f.end - f.start), t + f.start);
			return true;
		}
	}
	at = coach_followup_find(t, len, coach_followup_period_words, &ml);
	if (at < len) {
		coach_followup_why(why, whylen, "a period (\"%.*s\")", (int)ml, t + at);
		return true;
	}
	coach_followup_why(why, whylen,
			   "no period: say over what time it was measured and whether it "
			   "recurs (\"over the 6 months after launch, and every year since\")");
	return false;
}

/* Who may have checked the numbers, other than the candidate. */
static const char *const coach_followup_checker_words[] = {"financ*",
							   "fp&a",
							   "cfo*",
							   "controller*",
							   "accountant*",
							   "auditor*",
							   "analyst*",
							   "data scien*",
							   "business owner*",
							   "product owner*",
							   "product manager*",
							   "pm",
							   "stakeholder*",
							   "partner*",
							   "manager*",
							   "director*",
							   "vp*",
							   "vice president*",
							   "leadership",
							   "executive*",
							   "customer*",
							   "client*",
							   "peer*",
							   "reviewer*",
							   "the business",
							   "another team",
							   "other team*",
							   "sre*",
							   "legal",
							   "sales",
							   "treasury",
							   "tech lead*",
							   "team lead*",
							   "economist*",
							   "independent*",
							   "third party",
							   "third-party",
							   "external*",
							   "colleague*",
							   NULL};

static const char *const coach_followup_check_words[] = {
    "check",	   "checks",	"checked",    "checking",     "validat*",      "verif*",
    "review*",	   "confirm*",	"signed off", "sign off",     "signed-off",    "sign-off",
    "audit*",	   "reconcil*", "re-ran",     "reran",	      "re-run*",       "rerun*",
    "reproduc*",   "approv*",	"agreed",     "cross-check*", "double-check*", "recomput*",
    "recalculat*", "rebuilt", "rebuild*", "redid", "redo*", NULL};

static const char *const coach_followup_negation_words[] = {
    "nobody", "no one", "no-one", "not", "never", "none", "neither", "nor", NULL};

/* validation: someone other than the candidate checked the numbers. */
static bool
coach_followup_validation(const char *t, size_t len, char *why, size_t whylen)
{
	bool denied = false;

	for (size_t s = 0; s < len;) {
		size_t e = coach_followup_clause_end(t, len, s, true), c, ml = 0;
		bool negated = coach_followup_has(t + s, e - s, coach_followup_negation_words);
		for (size_t k = s; k + 2 < e && !negated; k++)
			negated = strncasecmp(t + k, "n't", 3) == 0 ||
				  strncmp(t + k, "n\xe2\x80\x99t", 5) == 0;
		c = coach_followup_find(t + s, e - s, coach_followup_checker_words, &ml);
		if (c < e - s && coach_followup_has(t + s, e - s, coach_followup_check_words)) {
			if (!negated) {
				coach_followup_why(why, whylen,
						   "someone checked the numbers (\"%.*s\")",
						   (int)ml, t + s + c);
				return true;
			}
			denied = true;
		}
		s = e + 1;
	}
	if (denied)
		coach_followup_why(why, whylen,
				   "the answer says nobody checked the numbers: have them checked "
				   "(finance, the business owner) before you claim them");
	else
		coach_followup_why(why, whylen,
				   "nobody is named as having checked the numbers: say who did "
				   "(finance, the business owner, a data scientist) and how");
	return false;
}

/* numbers: a figure written in digits, not a year. */
static bool
coach_followup_numbers(const char *t, size_t len, char *why, size_t whylen)
{
	size_t pos = 0;
	struct amount_figure f;

	while (amount_next_figure(t, len, &pos, &f)) {
		if (f.digits && !f.year) {
			coach_followup_why(why, whylen, "figures (\"%.*s\")",
					   (int)(f.end - f.start), t + f.start);
			return true;
		}
	}
	coach_followup_why(why, whylen,
			   "no figures: give what changed in dollars, customers or hours, "
			   "and over what period");
	return false;
}

bool
coach_followup_answered(const struct coach_followup *fu, const char *text, size_t len,
			const struct coach_result *answer, char *why, size_t whylen)
{
	char *t = coach_followup_cstr(text, len);
	bool ok;

	if (why != NULL && whylen > 0)
		why[0] = '\0';
	if (strcmp(fu->key, "attribution") == 0) {
		ok = coach_followup_attribution(t, len, why, whylen);
	} else if (strcmp(fu->key, "calculation") == 0) {
		ok = coach_followup_calculation(t, len, why, whylen) > 0;
	} else if (strcmp(fu->key, "period") == 0) {
		ok = coach_followup_period(t, len, why, whylen);
	} else if (strcmp(fu->key, "validation") == 0) {
		ok = coach_followup_validation(t, len, why, whylen);
	} else if (strcmp(fu->key, "numbers") == 0) {
		ok = coach_followup_numbers(t, len, why, whylen);
	} else {
		ok = answer->words >= 15;
		if (ok)
			coach_followup_why(why, whylen, "a considered answer (%zu words)",
					   answer->words);
		else
			coach_followup_why(why, whylen,
					   "%zu word%s: say in a few sentences (15 words or more) "
					   "what you would estimate differently and why",
					   answer->words, answer->words == 1 ? "" : "s");
	}
	free(t);
	return ok;
}

void
coach_score(const struct coach_result *r, size_t asked, size_t defended, struct coach_score *out)
{
	static const enum coach_kind credibility[] = {
	    COACH_ROUND_NUMBER,	  COACH_VAGUE_TIMEFRAME, COACH_NO_METHOD,
	    COACH_NO_ATTRIBUTION, COACH_UP_TO,		 COACH_NO_ABSOLUTE,
	    COACH_NO_VALIDATION,  COACH_NO_FIGURES,	 COACH_ARITHMETIC,
	    COACH_NO_OWNERSHIP,	  COACH_NO_OUTCOME,	 COACH_INCONSISTENT,
	};
	size_t covered = 0;

	memset(out, 0, sizeof(*out));
	for (int p = 0; p < COACH_NPARTS; p++)
		out->structure += r->star[p] ? 5 : 0;
	if (!coach_has_kind(r, COACH_TOO_SHORT) && !coach_has_kind(r, COACH_TOO_LONG))
		out->structure += 5;
	out->credibility = 40;
	for (size_t i = 0; i < ARRAY_LEN(credibility); i++)
		if (coach_has_kind(r, credibility[i]))
			out->credibility -= 8;
	if (out->credibility < 0)
		out->credibility = 0;
	out->level_fit = coach_has_kind(r, COACH_OVERREACH) || coach_has_kind(r, COACH_UNDERSELL) ||
				 coach_has_kind(r, COACH_IC_SCOPE) ||
				 coach_has_kind(r, COACH_UNVERIFIABLE)
			     ? 0
			     : 15;
	for (size_t i = 0; i < r->npoints; i++)
		covered += r->covered[i];
	out->points = r->npoints == 0 ? 10 : (int)(10 * covered / r->npoints);
	if (defended > asked)
		defended = asked;
	out->defense = asked == 0 ? 10 : (int)(10 * defended / asked);
	out->total =
	    out->structure + out->credibility + out->level_fit + out->points + out->defense;
}
