from enum import StrEnum


class OrganisationKind(StrEnum):
    BUSINESS = "business"
    CHILDRENS_ASSOCIATION = "childrens_association"
    CRIME_PREVENTION = "crime_prevention"
    DISASTER_PREVENTION = "disaster_prevention"
    NEIGHBOURHOOD_ASSOCIATION = "neighbourhood_association"
    NPO = "npo"
    OTHER = "other"
    PTA = "pta"
    SENIORS_CLUB = "seniors_club"
    SOCIAL_WELFARE_COUNCIL = "social_welfare_council"
    WELFARE_COMMISSIONERS = "welfare_commissioners"
    WOMENS_ASSOCIATION = "womens_association"

    def __str__(self) -> str:
        return str(self.value)
