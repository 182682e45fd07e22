from enum import StrEnum


class DocumentKind(StrEnum):
    ACTIVITY_PLAN = "activity_plan"
    ARTICLES = "articles"
    BUDGET = "budget"
    FINANCIAL_STATEMENT = "financial_statement"
    MEMBER_LIST = "member_list"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
