"""Names as keys: the ways of writing one name meet; different names stay apart."""

import pytest

from gaiko.normalise import keys, name_key, token_key, without_brackets


@pytest.mark.parametrize(("one", "other"), [
    ("Côte d'Ivoire", "COTE D'IVOIRE"),
    ("Saint Kitts & Nevis", "St. Kitts and Nevis"),
    ("Bahamas, The", "Bahamas"),
    ("ＵＳＡ", "usa"),
    ("ヴェトナム", "ベトナム"),
    ("韓國", "韓国"),
    ("臺灣", "台湾"),
])
def test_spellings_of_one_name_give_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Korea, Rep.", "Republic of Korea"),
    ("Iran, Islamic Rep.", "Islamic Republic of Iran"),
    ("Congo, Dem. Rep.", "Democratic Republic of the Congo"),
    ("Micronesia, Fed. Sts.", "Federated States of Micronesia"),
    ("Lao PDR", "Lao People's Democratic Republic"),
])
def test_word_order_and_table_abbreviations_meet_in_the_token_key(one: str, other: str) -> None:
    assert token_key(one) == token_key(other)
    assert keys(one) & keys(other)


@pytest.mark.parametrize(("one", "other"), [
    ("ガーナ", "カーナ"),  # voicing marks are letters in Japanese, not accents
    ("Niger", "Nigeria"),
    ("Guinea", "Guinea-Bissau"),
    ("Korea, Rep.", "Korea, Dem. People's Rep."),
])
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert not keys(one) & keys(other)


def test_bracketed_parts_are_a_further_key() -> None:
    assert without_brackets("Korea (Joseon / Korean Empire)") == "Korea"
    assert name_key("Korea") in keys("Korea (Joseon / Korean Empire)")
    assert without_brackets("(nothing else)") == "(nothing else)"
