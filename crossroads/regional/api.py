"""`publications/`, `publications/{id}/`, `publications/{id}/bundle/`, `regional/`,
`regional/bundles/`: thin views over `actions.py` and `queries.py`."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from crossroads.access.gate import require_role
from crossroads.access.policy import user_of

from .actions import import_bundle, publish_statistics, withdraw_publication
from .queries import bundle_of, publication_by_id, publications_visible_to, regional_picture
from .serializers import (
    BundleUploadSerializer,
    PublicationSerializer,
    PublishSerializer,
    RegionalParamsSerializer,
    RegionalSerializer,
)

FORBIDDEN = OpenApiResponse(description="Your role may not do this.")


class Publications(GenericAPIView[Any]):
    """Publications of protected tables to the region. GET: supervisors and analysts see
    their state's; a regional analyst sees every standing one. POST (supervisors): publish
    a closed month or quarter of your state; audited. 400 for a period that is not a month
    or a quarter, 409 for one not yet ended or already published."""

    serializer_class = PublicationSerializer

    @extend_schema(responses={200: PublicationSerializer(many=True), 403: FORBIDDEN})
    def get(self, request: Request) -> Response:
        queryset = publications_visible_to(user_of(request))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(PublicationSerializer(page, many=True).data)

    @extend_schema(
        request=PublishSerializer,
        responses={
            201: PublicationSerializer,
            400: OpenApiResponse(description="Not a month or a quarter."),
            403: FORBIDDEN,
            409: OpenApiResponse(description="Not ended yet, or already published."),
        },
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "publish_statistics")
        data = PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        publication = publish_statistics(
            acting_user=user_of(request), period=data.validated_data["period"]
        )
        return Response(PublicationSerializer(publication).data, status=201)


class PublicationDetail(GenericAPIView[Any]):
    """One publication. DELETE (supervisors of its state) withdraws it: audited; 409 if
    withdrawn already."""

    serializer_class = PublicationSerializer

    @extend_schema(responses={200: PublicationSerializer, 403: FORBIDDEN, 404: None})
    def get(self, request: Request, publication_id: str) -> Response:
        return Response(
            PublicationSerializer(publication_by_id(user_of(request), publication_id)).data
        )

    @extend_schema(
        responses={
            200: PublicationSerializer,
            403: FORBIDDEN,
            404: None,
            409: OpenApiResponse(description="Already withdrawn."),
        }
    )
    def delete(self, request: Request, publication_id: str) -> Response:
        publication = withdraw_publication(
            acting_user=user_of(request), publication_id=publication_id
        )
        return Response(PublicationSerializer(publication).data)


class PublicationBundle(GenericAPIView[Any]):
    """The signed bundle file of one of your state's standing publications (supervisors):
    JSON with an HXL CSV inside, signed with this instance's Ed25519 key. Audited as an
    export."""

    @extend_schema(
        responses={
            (200, "application/json"): OpenApiResponse(description="The bundle file."),
            403: FORBIDDEN,
            404: None,
        }
    )
    def get(self, request: Request, publication_id: str) -> HttpResponse:
        content = bundle_of(user_of(request), publication_id)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="crossroads-bundle.json"'
        return response


class Regional(GenericAPIView[Any]):
    """For regional analysts: the standing publications of participating states for a
    period, side by side and summed over the region, compared (share of children among
    the people registered, share of referrals answered late), and one nationality's
    registrations month by month in each state. Never a person, an id or an unprotected
    count."""

    serializer_class = RegionalSerializer
    pagination_class = None

    @extend_schema(
        parameters=[RegionalParamsSerializer],
        responses={200: RegionalSerializer, 400: None, 403: FORBIDDEN},
    )
    def get(self, request: Request) -> Response:
        require_role(request.user, "view_regional")
        params = RegionalParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        picture = regional_picture(
            user_of(request),
            period=params.validated_data["period"],
            nationality=params.validated_data["nationality"],
        )
        return Response(RegionalSerializer(picture).data)


class RegionalBundles(GenericAPIView[Any]):
    """Import a bundle from another instance (regional analysts, administrators): refused
    whole, with the reason, if it is cut short, edited, signed by another key, from an
    instance this one does not trust, for a state that instance may not publish for, or
    holding anything but protected tables. Audited."""

    serializer_class = BundleUploadSerializer
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": BundleUploadSerializer},
        responses={
            201: PublicationSerializer,
            400: OpenApiResponse(description="The bundle is refused; `file` says why."),
            403: FORBIDDEN,
            409: OpenApiResponse(description="That state's period is already there."),
        },
    )
    def post(self, request: Request) -> Response:
        require_role(request.user, "import_bundle")
        upload = BundleUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        content = upload.validated_data["file"].read()
        publication = import_bundle(acting_user=user_of(request), content=content)
        return Response(PublicationSerializer(publication).data, status=201)
