"""Brothers, sisters, twins and namesake fathers and sons stay apart (below 0.5)."""

from __future__ import annotations

from crossroads.engines.identity import PersonRecord, score_pair


def test_brothers_with_same_surname_patronymic_and_birth_year_are_different_people() -> None:
    a = PersonRecord("a", "Aziz", "Karimov", "Rakhimovich", "1990-03-04", "M", "TJ")
    b = PersonRecord("b", "Farrukh", "Karimov", "Rakhimovich", "1990-12-20", "M", "TJ")
    assert score_pair(a, b).probability < 0.5


def test_brothers_with_placeholder_dates_of_one_year_are_different_people() -> None:
    a = PersonRecord("a", "Ahmad", "Karimi", "Rahim", "1990-01-01", "M", "AF")
    b = PersonRecord("b", "Mahmud", "Karimi", "Rahim", "1990-01-01", "M", "AF")
    assert score_pair(a, b).probability < 0.5


def test_twins_with_the_same_birth_date_are_different_people() -> None:
    a = PersonRecord("a", "Hasan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ")
    b = PersonRecord("b", "Husan", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ")
    match = score_pair(a, b)
    assert match.probability < 0.5
    assert "guard" in match.explanation


def test_twins_across_scripts_are_different_people() -> None:
    a = PersonRecord("a", "Farhod", "Nazarov", "Olimovich", "2001-07-08", "M", "TJ")
    b = PersonRecord("b", "Фаррух", "Назаров", "Олимович", "2001-07-08", "M", "TJ")
    assert score_pair(a, b).probability < 0.5


def test_brother_and_sister_twins_are_different_people() -> None:
    a = PersonRecord("a", "Aziz", "Karimov", "Rakhimovich", "1995-03-04", "M", "TJ")
    b = PersonRecord("b", "Aziza", "Karimova", "Rakhimovna", "1995-03-04", "F", "TJ")
    match = score_pair(a, b)
    assert match.probability < 0.5
    assert match.levels["sex"] == "different"


def test_father_and_son_namesakes_are_different_people() -> None:
    father = PersonRecord("a", "Rahim", "Karimov", "Davlatovich", "1960-05-10", "M", "TJ")
    son = PersonRecord("b", "Rahim", "Karimov", "Rahimovich", "1988-02-11", "M", "TJ")
    assert score_pair(father, son).probability < 0.5


def test_father_and_son_namesakes_without_patronymics_are_different_people() -> None:
    father = PersonRecord("a", "Mohammad", "Karimi", "", "1958", "M", "AF")
    son = PersonRecord("b", "Mohammad", "Karimi", "", "1986-03-02", "M", "AF")
    assert score_pair(father, son).probability < 0.5


def test_sisters_sharing_a_feminine_surname_are_different_people() -> None:
    a = PersonRecord("a", "Madina", "Rakhimova", "Karimovna", "1993-01-01", "F", "UZ")
    b = PersonRecord("b", "Malika", "Rakhimova", "Karimovna", "1993-01-01", "F", "UZ")
    assert score_pair(a, b).probability < 0.5
