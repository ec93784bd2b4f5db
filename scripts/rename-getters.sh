#!/bin/sh
# Issue 12: the session getters lost their `get_` prefix. This renames every call of an old
# name (`.get_email(`, `Merchant::get_name`) to the plain one in the repository's *.rs and
# *.md files, target/ and .git/ left alone. Only the listed names are touched, so
# `get_mut`, `get_or_init` and the like stay as they are.
#
# Idempotent: run it again after merging a branch that still calls the old names, from
# anywhere inside the repository:
#
#     scripts/rename-getters.sh
#
# It can be deleted once no branch uses the old names.
set -eu

cd "$(dirname "$0")/.."

names='return_url|callback_url|merchant_terms_url|customer|expires_at|metadata|express'
names="$names|configuration|merchant|customer_id|email|phone_number|tokens|gift_cards"
names="$names|id|label|checked|required|link|auto_capture|channel|default_payment_type"
names="$names|active_payment_types|name|logo_url|website|merchant_category_code|country"
names="$names|postal_code|postal_place|address_line|address_line_2|platform_type"
names="$names|shipping_options|shipping_mode|shipping_address_callback_url"
names="$names|discount_codes|customer_types|max_count"

pattern="(\\.|::)get_($names)\\b"

find . \( -path ./target -o -path ./.git \) -prune -o \
    -type f \( -name '*.rs' -o -name '*.md' \) -print |
    while IFS= read -r file; do
        if grep -qE "$pattern" "$file"; then
            sed -i -E "s/$pattern/\\1\\2/g" "$file"
            echo "renamed getters in $file"
        fi
    done
