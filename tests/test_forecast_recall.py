"""Forecast detection recall on estimative sentences written for the purpose (none from
any article), and no forecast on plain reports of what happened."""

from __future__ import annotations

from cable.pipeline.actortable import ActorTable
from cable.pipeline.forecasts import find_forecasts
from cable.pipeline.quotes import find_quotes

ESTIMATIVE = [
    "Analysts say the central bank will almost certainly raise rates in March.",
    "It is highly likely that the two ministers will meet in Vienna next month.",
    "There is a very good chance the treaty will be ratified before the summer.",
    "Diplomats believe there is a good chance the border will reopen this year.",
    "The deal is likely to collapse if the sanctions stay in place.",
    "Economists expect inflation to fall below three percent by December.",
    "The opposition will probably boycott the vote next week.",
    "Officials said the government is unlikely to change its position before the election.",
    "There is little chance that the ceasefire will last through the winter.",
    "Observers see only a slim chance of a breakthrough at the talks.",
    "The envoy said a settlement was highly unlikely in the coming weeks.",
    "There is almost no chance the parliament will approve the budget on time.",
    "Experts doubt that the army will withdraw from the province soon.",
    "Most analysts do not expect the president to resign.",
    "The minister said a compromise would not be possible without new guarantees.",
    "Aid workers warned that the famine could spread to the south in the spring.",
    "The foreign ministry said talks may resume after the holiday.",
    "Bankers said the currency might weaken further next year.",
    "It is probable that the court will rule against the company.",
    "There is a realistic possibility that fighting will resume along the river.",
    "Independent monitors said the election result was a toss-up.",
    "Negotiators put the odds of a deal at about even.",
    "A senior official said there was a real possibility of new strikes next month.",
    "The rebels are very likely to reject the offer.",
    "Western diplomats expect Moscow to veto the resolution.",
    "Observers have low expectations for the summit in Geneva.",
    "There is no indication that the regime will release the prisoners.",
    "The agency said a return to growth was improbable this year.",
    "The general said a full withdrawal was impossible before the autumn.",
    "Traders said there was a remote chance of a default by the end of the month.",
    "The spokesman said the two leaders will likely sign the accord on Friday.",
    "Political scientists say the coalition is virtually certain to win the vote.",
    "She said the government was not likely to meet its deficit target.",
    "Investors expect the company to announce job cuts in January.",
    "There is a small chance the launch will be delayed again.",
    "The ambassador said relations would probably improve after the visit.",
    "The senator said he doubted the bill would pass the house.",
    "Local officials said the river could flood the town by the weekend.",
    "Some diplomats think there is a strong chance of new sanctions.",
    "The report says it is nearly certain that temperatures will keep rising.",
]

NOT_ESTIMATIVE = [
    "The foreign minister met his counterpart in Cairo on Tuesday.",
    "Protesters marched through the capital demanding new elections.",
    "The army could not hold the town.",
    "Smokers are more likely to fall ill.",
    "The talks took place behind closed doors.",
    "The president signed the decree on Monday.",
    "The ministry said the attack killed twelve people.",
    "Officials denied that the meeting had taken place.",
    "The delegation arrived in Seoul late on Sunday.",
    "The company reported a loss for the third quarter.",
]


def found(nlp, text: str) -> list:
    doc = nlp(text)
    return find_forecasts(doc, ActorTable(), find_quotes(doc, ActorTable()))


def test_forecast_detection_recall_is_at_least_ninety_percent(nlp):
    missed = [text for text in ESTIMATIVE if not found(nlp, text)]
    recall = 1 - len(missed) / len(ESTIMATIVE)
    print(f"forecast detection recall {recall:.1%} ({len(ESTIMATIVE) - len(missed)} of {len(ESTIMATIVE)})")
    assert recall >= 0.90, missed


def test_reports_of_what_happened_are_not_forecasts(nlp):
    assert [text for text in NOT_ESTIMATIVE if found(nlp, text)] == []
